import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function SignUp() {
  return <Title order={1}>SignUp</Title>;
}

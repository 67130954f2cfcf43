import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function ResetPassword() {
  return <Title order={1}>ResetPassword</Title>;
}

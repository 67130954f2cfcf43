import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Account() {
  return <Title order={1}>Account</Title>;
}

import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Travel() {
  return <Title order={1}>Travel</Title>;
}

import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Rehire() {
  return <Title order={1}>Rehire</Title>;
}

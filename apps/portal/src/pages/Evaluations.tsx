import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Evaluations() {
  return <Title order={1}>Evaluations</Title>;
}

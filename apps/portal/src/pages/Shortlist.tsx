import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Shortlist() {
  return <Title order={1}>Shortlist</Title>;
}

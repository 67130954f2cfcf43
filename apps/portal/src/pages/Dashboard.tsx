import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function Dashboard() {
  return <Title order={1}>Dashboard</Title>;
}

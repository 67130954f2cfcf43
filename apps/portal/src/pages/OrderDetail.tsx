import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function OrderDetail() {
  return <Title order={1}>OrderDetail</Title>;
}

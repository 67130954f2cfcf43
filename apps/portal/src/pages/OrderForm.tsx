import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function OrderForm() {
  return <Title order={1}>OrderForm</Title>;
}

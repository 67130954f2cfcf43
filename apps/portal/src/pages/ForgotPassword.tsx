import { Title } from '@mantine/core';

// Placeholder until this page's journey is built.
export default function ForgotPassword() {
  return <Title order={1}>ForgotPassword</Title>;
}

import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../errors';
import { ErrorAlert } from './PageState';

interface Props {
  reference: string | null;
  onClose: () => void;
  /** Sends the rejection; resolves to the failure, or null when it went through. */
  onSubmit: (reference: string, reason: string) => Promise<unknown>;
}

/** Asks why before rejecting: the api wants a reason (10 to 2000 characters) and says which field was wrong. */
export function ShortlistReject({ reference, onClose, onSubmit }: Props) {
  const { t } = useTranslation('shortlist');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  const close = () => {
    setReason('');
    setError(null);
    setTried(false);
    onClose();
  };

  const submit = async () => {
    setTried(true);
    if (!reference || !reason.trim()) return;
    setBusy(true);
    const failure = await onSubmit(reference, reason.trim());
    setBusy(false);
    if (failure) setError(failure);
    else close();
  };

  // The api names the field; its words are English, so the reader gets the rule in their language.
  const fieldError = error && problemOf(error).fields['reason'] ? t('reject.reasonRequired') : undefined;
  const missing = tried && !reason.trim() ? t('reject.reasonRequired') : undefined;

  return (
    <Modal
      opened={reference !== null}
      onClose={close}
      title={reference ? t('reject.title', { reference }) : ''}
      closeButtonProps={{ 'aria-label': t('reject.cancel') }}
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('reject.help')}</Text>
          <Textarea
            label={t('reject.reason')}
            name="reason"
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ?? fieldError}
            // The theme's error red is too light for small text on white (WCAG AA); a darker one, same meaning.
            styles={{ error: { color: 'var(--mantine-color-red-9)' }, input: { color: 'var(--mantine-color-text)' } }}
            data-autofocus
          />
          {error && !fieldError ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('reject.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('reject.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

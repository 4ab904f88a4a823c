import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { FormError, FormField, fieldErrorMap, focusFirstInvalid, useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/states';
import { useNotificationsCopy } from './messages';
import './notifications.css';

/** Every user's own channels: in-app always, e-mail if they give an address. */
export function MyNotificationsPage() {
  const { c } = useNotificationsCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const prefs = useQuery({ ...trpc.notifications.myPreferences.queryOptions(), staleTime: 0 });
  const save = useMutation(trpc.notifications.savePreferences.mutationOptions());
  const [email, setEmail] = useState('');
  const [emailEnabled, setEmailEnabled] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useDocumentTitle(c.myTitle);

  useEffect(() => {
    if (prefs.data) {
      setEmail(prefs.data.email);
      setEmailEnabled(prefs.data.emailEnabled);
    }
  }, [prefs.data]);

  const error = describe(save.error);
  const fields = fieldErrorMap(error);
  let body;
  if (prefs.isError) body = <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else if (prefs.isPending) body = <LoadingState />;
  else
    body = (
      <form
        ref={formRef}
        className="panel form form--narrow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate(
            { email, emailEnabled },
            {
              onSuccess: (data) => {
                queryClient.setQueryData(trpc.notifications.myPreferences.queryKey(), data);
                setSaved(true);
              },
              onError: () => focusFirstInvalid(formRef.current),
            },
          );
        }}
      >
        <p className="form__note">{c.inAppAlways}</p>
        {!prefs.data.emailChannelActive ? <p className="notice-muted">{c.emailInactive}</p> : null}
        <FormField label={c.email} hint={c.emailHint} error={fields.email}>
          {(p) => <input {...p} type="email" inputMode="email" autoComplete="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </FormField>
        <label className="checkbox checkbox--large">
          <input type="checkbox" checked={emailEnabled} onChange={(e) => setEmailEnabled(e.target.checked)} />
          <span>{c.emailEnabled}</span>
        </label>
        <FormError error={error} shownFields={Object.keys(fields)} />
        {saved ? (
          <p className="form-success" role="status">
            {c.mySaved}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? c.saving : c.save}
          </button>
        </div>
      </form>
    );
  return (
    <Page title={c.myTitle} lead={<p>{c.myIntro}</p>}>
      {body}
    </Page>
  );
}

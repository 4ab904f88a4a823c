import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { FormError, FormField, fieldErrorMap, focusFirstInvalid, useDescribeError } from '../../ui/form';
import { useNotificationsCopy, type ChannelKind } from './messages';

export type ChannelView = RouterOutputs['notifications']['channels'][number];
type Security = 'tls' | 'starttls' | 'none';

/** One channel's card: its form, 保存, 发送测试消息 and the test's result in words. */
function ChannelCard({ channel, form, enabled, onEnabledChange, onSubmit, children, test }: {
  channel: ChannelView;
  form: ChannelFormState;
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  onSubmit: () => void;
  children: ReactNode;
  test: ReactNode;
}) {
  const { c } = useNotificationsCopy();
  const kind = channel.kind as ChannelKind;
  const headingId = `channel-${kind}`;
  const { error, fields, notice, save } = form;
  return (
    <section ref={form.ref} className="panel channel-card" aria-labelledby={headingId}>
      <header className="channel-card__header">
        <h2 id={headingId}>{c.channelName[kind]}</h2>
        <span className={`tag ${channel.enabled ? 'tag--ok' : ''}`}>{channel.enabled ? c.on : c.off}</span>
      </header>
      <p className="form__note">{c.channelHint[kind]}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        aria-labelledby={headingId}
      >
        <label className="checkbox checkbox--large">
          <input type="checkbox" checked={enabled} onChange={(e) => onEnabledChange(e.target.checked)} />
          <span>{c.enabled}</span>
        </label>
        {children}
        <FormError error={error} shownFields={Object.keys(fields)} />
        {notice ? (
          <p className="form-success" role="status">
            {notice}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? c.saving : c.save}
          </button>
        </div>
      </form>
      {test}
    </section>
  );
}

/** 「发送测试消息」 with the server's answer (in Chinese) shown beside it. */
function TestButton({ channel, to }: { channel: ChannelView; to?: string }) {
  const { c } = useNotificationsCopy();
  const trpc = useTRPC();
  const describe = useDescribeError();
  const test = useMutation(trpc.notifications.testChannel.mutationOptions());
  const ready = channel.kind === 'email' ? Boolean(channel.email?.host) : channel.urlSet;
  const error = describe(test.error);
  return (
    <div className="channel-test">
      <button
        type="button"
        className="button button--secondary"
        disabled={test.isPending || !ready}
        onClick={() => test.mutate({ channel: channel.kind as ChannelKind, ...(to ? { to } : {}) })}
      >
        {test.isPending ? c.testing : c.test}
      </button>
      <div aria-live="polite" className="channel-test__result">
        {!ready ? <p className="form__note">{c.testNeedsSave}</p> : null}
        {test.data ? <p className={test.data.ok ? 'form-success' : 'form-error form-error__title'}>{test.data.message}</p> : null}
        {error ? <p className="form-error form-error__title">{error.message}</p> : null}
      </div>
    </div>
  );
}

type SaveChannelInput = Parameters<ReturnType<typeof useSaveMutation>['mutate']>[0];

function useSaveMutation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The save answers the channel as stored: put it in the list instead of asking for the list again.
  return useMutation(
    trpc.notifications.saveChannel.mutationOptions({
      onSuccess: (view) =>
        queryClient.setQueryData(trpc.notifications.channels.queryKey(), (list) => list?.map((ch) => (ch.kind === view.kind ? view : ch))),
    }),
  );
}

/** What both channel forms share: saving, its errors by field, the 「已保存」 notice, focus on the first invalid field. */
function useChannelForm(channelName: string) {
  const { c } = useNotificationsCopy();
  const describe = useDescribeError();
  const save = useSaveMutation();
  const [notice, setNotice] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  const error = describe(save.error);
  const submit = (input: SaveChannelInput, onSaved: () => void) => {
    setNotice(null);
    save.mutate(input, {
      onSuccess: () => {
        onSaved();
        setNotice(c.saved(channelName));
      },
      onError: () => focusFirstInvalid(ref.current),
    });
  };
  return { save, error, fields: fieldErrorMap(error), notice, ref, submit };
}
type ChannelFormState = ReturnType<typeof useChannelForm>;

/** 「清除…」: drops a stored secret (shown only while one is set). */
function ClearSecret({ set, checked, onChange, label }: { set: boolean; checked: boolean; onChange: (checked: boolean) => void; label: string }) {
  if (!set) return null;
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function EmailChannelForm({ channel }: { channel: ChannelView }) {
  const { c } = useNotificationsCopy();
  const form = useChannelForm(c.channelName.email);
  const { fields } = form;
  const settings = channel.email ?? { host: '', port: 587, security: 'starttls' as Security, user: '', from: '' };
  const [enabled, setEnabled] = useState(channel.enabled);
  const [host, setHost] = useState(settings.host);
  const [port, setPort] = useState(String(settings.port));
  const [security, setSecurity] = useState<Security>(settings.security);
  const [user, setUser] = useState(settings.user);
  const [from, setFrom] = useState(settings.from);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [testTo, setTestTo] = useState('');
  return (
    <ChannelCard
      channel={channel}
      form={form}
      enabled={enabled}
      onEnabledChange={setEnabled}
      onSubmit={() =>
        form.submit({ channel: 'email', enabled, host, port: Number(port), security, user, from, password, clearPassword }, () => {
          setPassword('');
          setClearPassword(false);
        })
      }
      test={
        <>
          <FormField label={c.testTo} hint={c.testToHint}>
            {(p) => <input {...p} type="email" inputMode="email" maxLength={254} value={testTo} onChange={(e) => setTestTo(e.target.value)} />}
          </FormField>
          <TestButton channel={channel} to={testTo.trim()} />
        </>
      }
    >
      <div className="form-grid">
        <FormField label={c.host} hint={c.hostHint} error={fields.host}>
          {(p) => <input {...p} autoComplete="off" maxLength={253} value={host} onChange={(e) => setHost(e.target.value)} />}
        </FormField>
        <FormField label={c.port} error={fields.port}>
          {(p) => <input {...p} inputMode="numeric" maxLength={5} value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} />}
        </FormField>
        <FormField label={c.security} error={fields.security}>
          {(p) => (
            <select {...p} value={security} onChange={(e) => setSecurity(e.target.value as Security)}>
              {(['tls', 'starttls', 'none'] as const).map((s) => (
                <option key={s} value={s}>
                  {c.securityOption[s]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={c.user} error={fields.user}>
          {(p) => <input {...p} autoComplete="off" maxLength={254} value={user} onChange={(e) => setUser(e.target.value)} />}
        </FormField>
        <FormField label={<>{c.password} <SecretState set={channel.passwordSet} /></>} hint={channel.passwordSet ? c.keepHint : undefined} error={fields.password}>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={500} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <FormField label={c.from} hint={c.fromHint} error={fields.from}>
          {(p) => <input {...p} maxLength={300} value={from} onChange={(e) => setFrom(e.target.value)} />}
        </FormField>
      </div>
      <ClearSecret set={channel.passwordSet} checked={clearPassword} onChange={setClearPassword} label={c.clearPassword} />
    </ChannelCard>
  );
}

export function RobotChannelForm({ channel }: { channel: ChannelView }) {
  const { c } = useNotificationsCopy();
  const kind = channel.kind as Exclude<ChannelKind, 'email'>;
  const form = useChannelForm(c.channelName[kind]);
  const { fields } = form;
  const [enabled, setEnabled] = useState(channel.enabled);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  return (
    <ChannelCard
      channel={channel}
      form={form}
      enabled={enabled}
      onEnabledChange={setEnabled}
      onSubmit={() =>
        form.submit({ channel: kind, enabled, url: url.trim(), secret, clearSecret }, () => {
          setUrl('');
          setSecret('');
          setClearSecret(false);
        })
      }
      test={<TestButton channel={channel} />}
    >
      <FormField
        label={<>{c.url} <SecretState set={channel.urlSet} detail={channel.urlHost} /></>}
        hint={channel.urlSet ? c.keepHint : undefined}
        error={fields.url}
      >
        {(p) => <input {...p} type="url" inputMode="url" autoComplete="off" maxLength={1000} value={url} onChange={(e) => setUrl(e.target.value)} />}
      </FormField>
      {kind !== 'wecom' ? (
        <FormField label={<>{c.secretOptional} <SecretState set={channel.secretSet} /></>} hint={channel.secretSet ? c.keepHint : undefined} error={fields.secret}>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={500} value={secret} onChange={(e) => setSecret(e.target.value)} />}
        </FormField>
      ) : null}
      <ClearSecret set={channel.secretSet} checked={clearSecret} onChange={setClearSecret} label={c.clearSecret} />
    </ChannelCard>
  );
}

/** 「已设置」 / 「未设置」 beside a secret's label; for a URL also its host (no token). */
function SecretState({ set, detail }: { set: boolean; detail?: string }) {
  const { c } = useNotificationsCopy();
  return <span className={`tag ${set ? 'tag--ok' : ''}`}>{set ? `${c.isSet}${detail ? ` · ${detail}` : ''}` : c.notSet}</span>;
}

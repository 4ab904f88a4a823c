import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { FormError, FormField, fieldErrorMap, focusFirstInvalid, useDescribeError } from '../../ui/form';
import { useNotificationsCopy, type ChannelKind } from './messages';

export type ChannelView = RouterOutputs['notifications']['channels'][number];
type Security = 'tls' | 'starttls' | 'none';

/** One channel's card: its form, 保存, 发送测试消息 and the test's result in words. */
function ChannelCard({ channel, children, onSubmit, saving, error, notice, test }: {
  channel: ChannelView;
  children: ReactNode;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  error: ReturnType<ReturnType<typeof useDescribeError>>;
  notice: string | null;
  test: ReactNode;
}) {
  const { c } = useNotificationsCopy();
  const kind = channel.kind as ChannelKind;
  const headingId = `channel-${kind}`;
  const fields = fieldErrorMap(error);
  return (
    <section className="panel channel-card" aria-labelledby={headingId}>
      <header className="channel-card__header">
        <h2 id={headingId}>{c.channelName[kind]}</h2>
        <span className={`tag ${channel.enabled ? 'tag--ok' : ''}`}>{channel.enabled ? c.on : c.off}</span>
      </header>
      <p className="form__note">{c.channelHint[kind]}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
        {children}
        <FormError error={error} shownFields={Object.keys(fields)} />
        {notice ? (
          <p className="form-success" role="status">
            {notice}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? c.saving : c.save}
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

function useSaveChannel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const save = useMutation(
    trpc.notifications.saveChannel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.channels.queryKey() }) }),
  );
  return { save, error: describe(save.error) };
}

export function EmailChannelForm({ channel }: { channel: ChannelView }) {
  const { c } = useNotificationsCopy();
  const { save, error } = useSaveChannel();
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
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const fields = fieldErrorMap(error);
  return (
    <div ref={formRef}>
      <ChannelCard
        channel={channel}
        saving={save.isPending}
        error={error}
        notice={notice}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          save.mutate(
            { channel: 'email', enabled, host, port: Number(port), security, user, from, password, clearPassword },
            { onSuccess: () => (setPassword(''), setClearPassword(false), setNotice(c.saved(c.channelName.email))), onError: () => focusFirstInvalid(formRef.current) },
          );
        }}
        test={
          <>
            <FormField label={c.testTo} hint={c.testToHint}>
              {(p) => <input {...p} type="email" inputMode="email" maxLength={254} value={testTo} onChange={(e) => setTestTo(e.target.value)} />}
            </FormField>
            <TestButton channel={channel} to={testTo.trim()} />
          </>
        }
      >
        <label className="checkbox checkbox--large">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <span>{c.enabled}</span>
        </label>
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
        {channel.passwordSet ? (
          <label className="checkbox">
            <input type="checkbox" checked={clearPassword} onChange={(e) => setClearPassword(e.target.checked)} />
            <span>{c.clearPassword}</span>
          </label>
        ) : null}
      </ChannelCard>
    </div>
  );
}

export function RobotChannelForm({ channel }: { channel: ChannelView }) {
  const { c } = useNotificationsCopy();
  const kind = channel.kind as Exclude<ChannelKind, 'email'>;
  const { save, error } = useSaveChannel();
  const [enabled, setEnabled] = useState(channel.enabled);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const fields = fieldErrorMap(error);
  return (
    <div ref={formRef}>
      <ChannelCard
        channel={channel}
        saving={save.isPending}
        error={error}
        notice={notice}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          save.mutate(
            { channel: kind, enabled, url: url.trim(), secret, clearSecret },
            { onSuccess: () => (setUrl(''), setSecret(''), setClearSecret(false), setNotice(c.saved(c.channelName[kind]))), onError: () => focusFirstInvalid(formRef.current) },
          );
        }}
        test={<TestButton channel={channel} />}
      >
        <label className="checkbox checkbox--large">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <span>{c.enabled}</span>
        </label>
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
        {channel.secretSet ? (
          <label className="checkbox">
            <input type="checkbox" checked={clearSecret} onChange={(e) => setClearSecret(e.target.checked)} />
            <span>{c.clearSecret}</span>
          </label>
        ) : null}
      </ChannelCard>
    </div>
  );
}

/** 「已设置」 / 「未设置」 beside a secret's label; for a URL also its host (no token). */
function SecretState({ set, detail }: { set: boolean; detail?: string }) {
  const { c } = useNotificationsCopy();
  return <span className={`tag ${set ? 'tag--ok' : ''}`}>{set ? `${c.isSet}${detail ? ` · ${detail}` : ''}` : c.notSet}</span>;
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { EmailChannelForm, RobotChannelForm } from './ChannelForms';
import { useNotificationsCopy, type ChannelKind } from './messages';
import './notifications.css';

/** The district admin's channel settings (SMTP, group robots), tests, and the delivery log. */
export function ChannelSettingsPage() {
  const { c } = useNotificationsCopy();
  const trpc = useTRPC();
  const channels = useQuery({ ...trpc.notifications.channels.queryOptions(), staleTime: 0 });
  useDocumentTitle(c.title);
  let body;
  if (channels.isError) body = <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  else if (channels.isPending) body = <LoadingState />;
  else
    body = (
      <div className="channel-list">
        {channels.data.map((ch) =>
          ch.kind === 'email' ? <EmailChannelForm key={`${ch.kind}`} channel={ch} /> : <RobotChannelForm key={`${ch.kind}`} channel={ch} />,
        )}
      </div>
    );
  return (
    <Page title={c.title} lead={<><p>{c.intro}</p><p className="form__note">{c.groupNote}</p></>}>
      {body}
      <DeliveryLog />
    </Page>
  );
}

function DeliveryLog() {
  const { c, labelKey } = useNotificationsCopy();
  const trpc = useTRPC();
  const log = useQuery({ ...trpc.notifications.deliveries.queryOptions({ limit: 50 }), staleTime: 0, refetchInterval: 15_000 });
  const when = (v: string | Date | null) =>
    v ? new Intl.DateTimeFormat(labelKey === 'en' ? 'en-GB' : 'zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(v)) : '';
  let body;
  if (log.isError) body = <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  else if (log.isPending) body = <LoadingState />;
  else if (log.data.length === 0) body = <EmptyState title={c.deliveriesEmpty} />;
  else
    body = (
      <table className="data-table card-table deliveries-table">
        <caption className="visually-hidden">{c.deliveriesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.colTime}</th>
            <th scope="col">{c.colChannel}</th>
            <th scope="col">{c.colRecipient}</th>
            <th scope="col">{c.colSubject}</th>
            <th scope="col">{c.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {log.data.map((d) => (
            <tr key={d.id}>
              <td data-label={c.colTime}>{when(d.createdAt)}</td>
              <td data-label={c.colChannel}>{c.channelName[d.channel as ChannelKind] ?? d.channel}</td>
              <td data-label={c.colRecipient}>{d.recipient || c.group}</td>
              {/* Subjects and peers' errors are stored as they were sent: data, in the district's language. */}
              <th scope="row" data-label={c.colSubject} data-user-content>
                {d.subject}
                {d.schoolName ? <span className="muted"> · {d.schoolName}</span> : null}
              </th>
              <td data-label={c.colStatus}>
                <span className={`tag ${d.status === 'sent' ? 'tag--ok' : d.status === 'failed' ? 'tag--warn' : ''}`}>{c.status[d.status] ?? d.status}</span>{' '}
                <span className="muted">{c.attempts(d.attempts)}</span>
                {d.lastError ? <p className="delivery-error" data-user-content>{d.lastError}</p> : null}
                {d.nextAttemptAt ? <p className="muted">{c.nextAttempt(when(d.nextAttemptAt))}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <section className="deliveries" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{c.deliveriesTitle}</h2>
      <p className="form__note">{c.deliveriesIntro}</p>
      {body}
    </section>
  );
}

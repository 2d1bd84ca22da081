using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Mail;

/// <summary>
/// The multi-step work behind the three buttons, written so that any step may fail, time out or be
/// repeated without leaving two drafts, two events, two attachments or an invitation without its
/// file. Drafts: look up the tagged draft (and the person's latest message) in one batch, then
/// create or rewrite it. Invites: create without attendees, attach, then add the attendee, saving
/// progress after each step so a retry resumes where the last attempt stopped.
/// </summary>
public sealed class DraftWorkflow(AppDbContext db, MailboxGateway gateway, GraphOptions options, TimeProvider clock)
{
    public async Task<(MailItem Item, string Outcome, bool IsReply)> CreateMessageAsync(ComposedDraft draft, DraftKind kind, DraftInput input)
    {
        var interview = draft.Interview;
        var preview = draft.Preview;
        var message = new DraftMessage(TagFor(interview, kind), preview.Subject, preview.Html, new MailRecipient(preview.To.Name, preview.To.Address));

        var (item, outcome, isReply) = await RetryingAsync(async () =>
        {
            var lookup = await gateway.LookupDraftAsync(message.Tag, input.ReplyToMessageId is null ? message.To.Address : null, CancellationToken.None);
            if (lookup.Tagged is { } existing)
            {
                if (!existing.IsDraft)
                    throw new DraftRefusedException(new DraftGap(409, ApiText.Get("Drafts.AlreadySent"),
                        ApiText.Format(kind == DraftKind.Outreach ? "Drafts.AlreadySent.Outreach" : "Drafts.AlreadySent.ThankYou", message.To.Name),
                        Extensions: new Dictionary<string, object?> { ["existingItemId"] = existing.Id }));
                // A reply keeps Graph's "RE: …" subject unless the user wrote their own.
                var keepSubject = input.Subject is null && existing.Subject?.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) == true;
                return (await gateway.UpdateDraftAsync(existing.Id, message, keepSubject, CancellationToken.None), "updated", keepSubject);
            }
            var replyTo = input.ReplyToMessageId ?? lookup.LatestFromPerson;
            if (replyTo is null) return (await gateway.CreateDraftAsync(message, CancellationToken.None), "created", false);
            try
            {
                return (await gateway.CreateReplyDraftAsync(replyTo, message, CancellationToken.None), "created", true);
            }
            catch (MailboxException e) when (e.Failure == MailboxFailure.NotFound && input.ReplyToMessageId is not null)
            {
                throw new DraftRefusedException(new DraftGap(400, ApiText.Get("Drafts.ReplyGone"), ApiText.Get("Drafts.ReplyGone.Detail"), Field: "replyToMessageId"));
            }
        });

        if (kind == DraftKind.Outreach) interview.OutreachMessageId = item.Id;
        else interview.ThankYouMessageId = item.Id;
        interview.Changed(clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return (item, outcome, isReply);
    }

    public async Task<(MailItem Item, string Outcome, bool IsReply)> SendInviteAsync(ComposedDraft draft)
    {
        var interview = draft.Interview;
        var preview = draft.Preview;
        var file = draft.File!;
        var attendee = new MailRecipient(preview.To.Name, preview.To.Address);
        var resumed = interview.InviteStep is not null and not InviteStep.Sent;
        if (interview.InviteTransactionId is null)
        {
            interview.InviteTransactionId = Guid.NewGuid().ToString("N");
            await SaveAsync(interview);
        }

        var state = await RetryingAsync(async () =>
        {
            EventState? current = null;
            if (interview.InviteEventId is { } known && interview.InviteStep is not null)
            {
                current = await gateway.GetEventAsync(known, CancellationToken.None);
                if (current is null)
                {
                    // Deleted in Outlook: this press starts a new invite, with a new transaction id.
                    interview.InviteEventId = null;
                    interview.InviteStep = null;
                    interview.InviteSentAt = null;
                    interview.InviteTransactionId = Guid.NewGuid().ToString("N");
                    await SaveAsync(interview);
                }
                else if (interview.InviteStep == InviteStep.Sent)
                {
                    throw new DraftRefusedException(new DraftGap(409, ApiText.Get("Drafts.InviteSent"), ApiText.Format("Drafts.InviteSent.Detail", attendee.Name),
                        Extensions: new Dictionary<string, object?> { ["existingItemId"] = current.Id, ["webLink"] = current.WebLink }));
                }
            }

            if (interview.InviteEventId is null)
            {
                current = await gateway.CreateEventAsync(new InviteEvent(TagFor(interview, DraftKind.Invite), interview.InviteTransactionId!,
                    preview.Subject, preview.Html, draft.Start!, draft.End!, draft.Location, DraftSources.InviteCategory), CancellationToken.None);
                interview.InviteEventId = current.Id;
                interview.InviteStep = InviteStep.Created;
                await SaveAsync(interview);
                // A repeated create answers with the event made before, which may already carry the file.
                if (current.HasAttachments && current.AttachmentNames.Count == 0)
                    current = await gateway.GetEventAsync(current.Id, CancellationToken.None) ?? current;
            }

            if (interview.InviteStep < InviteStep.Attached)
            {
                if (!current!.AttachmentNames.Contains(file.FileName, StringComparer.OrdinalIgnoreCase))
                    await gateway.AttachAsync(interview.InviteEventId!, file, CancellationToken.None);
                interview.InviteStep = InviteStep.Attached;
                await SaveAsync(interview);
            }

            if (interview.InviteStep < InviteStep.Sent)
            {
                await gateway.InviteAsync(interview.InviteEventId!, attendee, CancellationToken.None);
                var now = clock.GetUtcNow();
                interview.InviteStep = InviteStep.Sent;
                interview.InviteSentAt = now;
                MarkScheduled(interview, now);
                await SaveAsync(interview);
            }
            return current!;
        });
        return (new MailItem(state.Id, state.WebLink, false, interview.InviteSentAt, preview.Subject), resumed ? "resumed" : "created", false);
    }

    // Sending the invite is what schedules the conversation; the stage rules say from where.
    private static void MarkScheduled(Interview interview, DateTimeOffset now)
    {
        if (interview.Stage == InterviewStage.Scheduled || StageRules.Refusal(interview.Stage, InterviewStage.Scheduled, interview.Person!.Name) is not null)
            return;
        var at = now < interview.StageEnteredAt ? interview.StageEnteredAt : now;
        interview.Stage = InterviewStage.Scheduled;
        interview.StageEnteredAt = at;
        interview.StageChanges.Add(new StageChange { InterviewId = interview.Id, Stage = InterviewStage.Scheduled, EnteredAt = at });
    }

    // A change saved to the interview meanwhile makes this save fail (409, see InterviewWrites); each
    // Graph step is idempotent (the transaction id, the attachment by name), so pressing again resumes.
    private async Task SaveAsync(Interview interview)
    {
        interview.Changed(clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The tag on an interview's item of one kind: what the lookups search for.</summary>
    public static string TagFor(Interview interview, DraftKind kind) => TagFor(interview.Id, kind);

    public static string TagFor(Guid interviewId, DraftKind kind) => $"{interviewId:N}/{kind.ToString().ToLowerInvariant()}";

    // Repeats the whole idempotent operation after a transient failure; a wait longer than the
    // host is willing to hold the request goes back to the user as "try again in N seconds".
    private async Task<T> RetryingAsync<T>(Func<Task<T>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (MailboxException e) when (e.IsTransient && attempt < options.MaxAttempts
                && (e.RetryAfter ?? TimeSpan.Zero) <= TimeSpan.FromSeconds(options.MaxWaitSeconds))
            {
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromMilliseconds(500 * attempt), clock);
            }
        }
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>What one sweep did for one user: the pieces it completed, and why it stopped early, if it did.</summary>
public sealed record SweepResult(int Completed, string? Problem = null);

/// <summary>
/// One user's follow-through, computed from the stored data and the injected clock each time it
/// runs: thank-yous for meetings that ended, replies noticed, the second-contact suggestion, the one
/// follow-up, stay-in-touch updates. Each piece is claimed in <see cref="AutomationActivity"/> before
/// it touches the mailbox and completed after, and finds the draft it made by its tag, so a sweep
/// repeated, stopped half-way or run on another host does each piece once. Only one sweep per user
/// runs at a time (the Quartz job is not concurrent, cluster-wide). Nothing is ever sent.
/// </summary>
public sealed class FollowThroughSweep(IServiceProvider services, TimeProvider clock, IOptions<GraphOptions> graphOptions, ILogger<FollowThroughSweep> logger)
{
    /// <summary>Why automation stopped in a mode with no mailbox for it, stored as its sentence key.</summary>
    public static readonly string NotAvailable = StoredText.Store(AutomationSetting.ProblemLength, "Automation.NotAvailable");

    public async Task<SweepResult> RunAsync(DataOwner owner, CancellationToken ct)
    {
        await using var db = services.CreateDbContextFor(owner);
        var setting = await db.AutomationSettings.SingleOrDefaultAsync(ct);
        if (setting is not { Enabled: true }) return new SweepResult(0);

        var mailboxes = services.GetService<IBackgroundMailbox>();
        var opened = mailboxes is null ? new BackgroundMailbox(null, NotAvailable) : await mailboxes.OpenAsync(owner, ct);
        if (opened.Gateway is null)
        {
            setting.Problem = opened.Problem ?? NotAvailable;
            if (opened.Revoked) setting.Enabled = false;
            setting.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return new SweepResult(0, setting.Problem);
        }
        if (setting.Problem is not null)
        {
            setting.Problem = null;
            await db.SaveChangesAsync(ct);
        }

        var gateway = opened.Gateway;
        var profileZone = await db.Profiles.AsNoTracking().Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        var work = new Work(owner, gateway, UserTimeZone.ResolveOrUtc(profileZone), Holidays.For(setting.Country, setting.Province), setting.StayInTouchMonths);
        var done = 0;
        foreach (var piece in await DuePiecesAsync(db, work, ct))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await piece(ct)) done++;
            }
            catch (Exception e) when (e is MailboxException or DbUpdateException or DraftRefusedException)
            {
                // Left claimed (or unclaimed): the next sweep finds the draft by its tag and finishes.
                logger.LogWarning(e, "A follow-through piece for {Owner} failed; the next sweep retries it", owner.ObjectId);
            }
        }
        return new SweepResult(done);
    }

    private sealed record Work(DataOwner Owner, MailboxGateway Gateway, TimeZoneInfo Zone, Holidays? Holidays, int? StayInTouchMonths);

    private sealed record Candidate(Guid Id, Guid PersonId, string PersonName, string? Email, bool DoNotContact, string? OrganisationKey, string? Organisation,
        InterviewStage Stage, DateTimeOffset StageEnteredAt, DateTimeOffset? PlannedStart, int? DurationMinutes, string? OutreachMessageId, string? InviteEventId,
        List<StageChange> History, int TakeawayCount, DateTimeOffset? FirstTakeawayAt, DateTimeOffset? LastTouchAt);

    /// <summary>How far back and ahead the calendar is read for the meetings the product tagged.</summary>
    private static readonly TimeSpan CalendarBehind = TimeSpan.FromDays(30), CalendarAhead = TimeSpan.FromDays(120);

    /// <summary>The most tagged events one sweep reads.</summary>
    private const int CalendarLimit = 500;

    /// <summary>Every piece due now, in order: thank-yous first (the 24-hour rule is the tightest), then replies, then updates.</summary>
    private async Task<List<Func<CancellationToken, Task<bool>>>> DuePiecesAsync(AppDbContext db, Work work, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Interviews.AsNoTracking()
            .Where(i => i.Stage == InterviewStage.Scheduled || i.Stage == InterviewStage.Interviewed || i.Stage == InterviewStage.Contacted
                || i.Stage == InterviewStage.Thanked || i.Stage == InterviewStage.StayingInTouch)
            .Select(i => new Candidate(i.Id, i.PersonId, i.Person!.Name, i.Person.Email, i.Person.DoNotContact, i.Person.OrganisationKey, i.Person.Organisation,
                i.Stage, i.StageEnteredAt, i.PlannedStart, i.DurationMinutes, i.OutreachMessageId, i.InviteEventId,
                i.StageChanges.ToList(), i.Takeaways.Count(), i.Takeaways.Min(t => (DateTimeOffset?)t.CreatedAt), i.Touches.OrderByDescending(t => t.At).Select(t => (DateTimeOffset?)t.At).FirstOrDefault()))
            .ToListAsync(ct);
        var activities = await db.AutomationActivities.AsNoTracking().ToListAsync(ct);
        bool Completed(Guid interviewId, AutomationWork kind, int round = 0) =>
            activities.Any(a => a.InterviewId == interviewId && a.Work == kind && a.Round == round && a.CompletedAt is not null);

        var awaitingThanks = candidates.Where(c => c.Stage is InterviewStage.Scheduled or InterviewStage.Interviewed
            && !c.History.Any(h => h.Stage == InterviewStage.Thanked) && !Completed(c.Id, AutomationWork.ThankYou)).ToList();
        var awaiting = awaitingThanks.Select(c => c.Id).ToHashSet();
        // Only invites the product sent carry its tag: without one awaiting thanks, the calendar has nothing to say.
        var calendar = awaitingThanks.Any(c => c.InviteEventId is not null) ? await CalendarAsync(work, now, ct) : null;

        var pieces = new List<Func<CancellationToken, Task<bool>>>();
        // First, so what is drafted and shown next reads the meeting's time from the calendar.
        if (calendar is not null)
            foreach (var c in awaitingThanks)
                if (calendar.ByTag.TryGetValue(DraftWorkflow.TagFor(c.Id, DraftKind.Invite), out var invite) && MovedPlan(c, invite) is { } plan)
                    pieces.Add(token => FollowMovedMeetingAsync(work, c, plan, token));
        foreach (var c in candidates)
        {
            switch (c.Stage)
            {
                case InterviewStage.Scheduled or InterviewStage.Interviewed:
                {
                    var end = MeetingEnd(c, calendar, now);
                    if (end is { } ended && ended <= now && c.TakeawayCount > 0 && awaiting.Contains(c.Id))
                        pieces.Add(token => ThankYouAsync(work, c, ended, token));
                    break;
                }
                case InterviewStage.Contacted when !string.IsNullOrWhiteSpace(c.Email):
                {
                    var contacts = c.History.Where(h => h.Stage == InterviewStage.Contacted).Select(h => h.EnteredAt).Order().ToList();
                    var first = contacts.Count > 0 ? contacts[0] : c.StageEnteredAt;
                    var followedUp = contacts.Count > 1 || activities.Any(a => a.PersonId == c.PersonId && a.Work == AutomationWork.FollowUp);
                    var secondDue = BusinessCalendar.AddBusinessDays(first, NextActionsCalculator.SecondContactAfterBusinessDays, work.Zone, work.Holidays);
                    var followUpDue = BusinessCalendar.AddBusinessDays(first, NextActionsCalculator.FollowUpAfterBusinessDays, work.Zone, work.Holidays);
                    var unfinished = activities.Where(a => a.InterviewId == c.Id && a.CompletedAt is null).Select(a => a.Work).ToList();
                    // A reply is looked for on every sweep while the person is contacted: it cancels what is left.
                    pieces.Add(async token =>
                    {
                        if (await ReplyAsync(work, c, first, token)) return true;
                        var did = false;
                        if (now >= secondDue && c.OrganisationKey is not null && !Completed(c.Id, AutomationWork.SecondContact))
                            did |= await SecondContactAsync(db, work, c, secondDue, token);
                        if (now >= followUpDue && !c.DoNotContact && (!followedUp || unfinished.Contains(AutomationWork.FollowUp)))
                            did |= await FollowUpAsync(work, c, followUpDue, token);
                        return did;
                    });
                    break;
                }
                case InterviewStage.Thanked or InterviewStage.StayingInTouch when work.StayInTouchMonths is { } months && !c.DoNotContact:
                {
                    var thanked = c.History.Where(h => h.Stage == InterviewStage.Thanked).Select(h => (DateTimeOffset?)h.EnteredAt).Min() ?? c.StageEnteredAt;
                    var nudges = activities.Where(a => a.InterviewId == c.Id && a.Work == AutomationWork.StayInTouch).ToList();
                    var open = nudges.FirstOrDefault(a => a.CompletedAt is null);
                    var round = open?.Round ?? (nudges.Count == 0 ? 1 : nudges.Max(a => a.Round) + 1);
                    // Counted from the latest of the thank-you, the last update recorded and the last nudge's due time.
                    var last = new[] { thanked, c.LastTouchAt ?? thanked, nudges.Where(a => a.Round < round).Select(a => a.DueAt).DefaultIfEmpty(thanked).Max() }.Max();
                    var due = open?.DueAt ?? BusinessCalendar.AddMonths(last, months, work.Zone);
                    if (now >= due) pieces.Add(token => StayInTouchAsync(work, c, round, due, token));
                    break;
                }
            }
        }
        return pieces;
    }

    public static DateTimeOffset? MeetingEndOf(DateTimeOffset? plannedStart, int? durationMinutes) =>
        plannedStart + (durationMinutes is { } m ? TimeSpan.FromMinutes(m) : NextActionsCalculator.DefaultMeetingLength);

    /// <summary>The product's tagged events around now, by tag; <see cref="Complete"/> when every one in the window was read.</summary>
    private sealed record Calendar(Dictionary<string, TaggedEvent> ByTag, DateTimeOffset From, DateTimeOffset To, bool Complete);

    /// <summary>
    /// When the meeting ends: the invite's end in the calendar when the product made the invite (the
    /// user may have moved it in Outlook), else the stored plan, else the moment the conversation was
    /// marked interviewed. An invite the calendar no longer has, where the plan says it should be,
    /// was cancelled: there is no meeting to thank for.
    /// </summary>
    private static DateTimeOffset? MeetingEnd(Candidate c, Calendar? calendar, DateTimeOffset now)
    {
        if (calendar is not null && calendar.ByTag.TryGetValue(DraftWorkflow.TagFor(c.Id, DraftKind.Invite), out var invite)) return invite.End;
        var planned = MeetingEndOf(c.PlannedStart, c.DurationMinutes);
        if (calendar is { Complete: true } && c.InviteEventId is not null && c.Stage == InterviewStage.Scheduled
            && c.PlannedStart >= calendar.From && c.PlannedStart < calendar.To)
            return null;
        return planned
            ?? (c.Stage == InterviewStage.Interviewed ? c.History.Where(h => h.Stage == InterviewStage.Interviewed).Select(h => (DateTimeOffset?)h.EnteredAt).Max() : null);
    }

    /// <summary>The invite's time when it differs from the stored plan (the user moved it in Outlook); null when they agree.</summary>
    private static (DateTimeOffset Start, int DurationMinutes)? MovedPlan(Candidate c, TaggedEvent invite)
    {
        var start = invite.Start.ToUniversalTime();
        // The plan's own bounds (5 to 240 minutes): a longer calendar entry keeps the plan's longest.
        var minutes = Math.Clamp((int)Math.Round((invite.End - invite.Start).TotalMinutes), MinMeetingMinutes, MaxMeetingMinutes);
        var plannedMinutes = c.DurationMinutes ?? (int)NextActionsCalculator.DefaultMeetingLength.TotalMinutes;
        // Within a minute is the same time: calendars keep whole minutes or seconds.
        var same = c.PlannedStart is { } planned && (planned - start).Duration() < TimeSpan.FromMinutes(1) && plannedMinutes == minutes;
        return same ? null : (start, minutes);
    }

    private const int MinMeetingMinutes = 5, MaxMeetingMinutes = 240;

    /// <summary>
    /// The stored plan takes the invite's new time, and next actions say so. If the user changed the
    /// plan in the pane since the sweep read it, their plan stands (the next sweep compares again).
    /// </summary>
    private async Task<bool> FollowMovedMeetingAsync(Work work, Candidate c, (DateTimeOffset Start, int DurationMinutes) plan, CancellationToken ct)
    {
        await using var db = services.CreateDbContextFor(work.Owner);
        return await InterviewWrites.RetryingAsync(db, async () =>
        {
            var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == c.Id, ct);
            if (interview is null || interview.PlannedStart != c.PlannedStart || interview.DurationMinutes != c.DurationMinutes) return false;
            var now = clock.GetUtcNow();
            interview.PlannedStart = plan.Start;
            interview.DurationMinutes = plan.DurationMinutes;
            interview.Changed(now);
            var round = await db.AutomationActivities.Where(a => a.InterviewId == c.Id && a.Work == AutomationWork.MeetingMoved).MaxAsync(a => (int?)a.Round, ct) ?? 0;
            db.AutomationActivities.Add(new AutomationActivity
            {
                InterviewId = c.Id, PersonId = c.PersonId, PersonName = c.PersonName, Work = AutomationWork.MeetingMoved, Round = round + 1,
                DueAt = now, ClaimedAt = now, CompletedAt = now, ItemId = c.InviteEventId,
                Summary = ActivityLine("Activity.MeetingMoved", c.PersonName),
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>The tagged events around now; null when the calendar cannot be read (the stored plans stand in).</summary>
    private async Task<Calendar?> CalendarAsync(Work work, DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = (now - CalendarBehind, now + CalendarAhead);
        try
        {
            var events = await work.Gateway.TaggedEventsAsync(from, to, CalendarLimit, ct);
            // A tag names one interview's invite; should two events carry it, the later one is the meeting.
            var byTag = events.GroupBy(e => e.Tag, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(e => e.End)!, StringComparer.Ordinal);
            return new Calendar(byTag, from, to, Complete: events.Count < CalendarLimit);
        }
        catch (MailboxException e)
        {
            logger.LogWarning(e, "The calendar of {Owner} could not be read; meeting ends come from the stored plans", work.Owner.ObjectId);
            return null;
        }
    }

    private async Task<bool> ThankYouAsync(Work work, Candidate c, DateTimeOffset ended, CancellationToken ct)
    {
        await using var db = services.CreateDbContextFor(work.Owner);
        var claim = await ClaimAsync(db, c, AutomationWork.ThankYou, 0, ended, ct);
        if (claim is null) return false;
        var (draft, gap) = await DraftSources.ComposeAsync(db, c.Id, DraftKind.ThankYou, new DraftInput(), clock, ct);
        if (gap is not null) return await GiveUpAsync(db, claim, gap, ct);
        var item = await MessageAsync(db, work.Gateway, draft!, DraftKind.ThankYou, DraftWorkflow.TagFor(draft!.Interview, DraftKind.ThankYou), null, ct);
        // Drafted when the meeting ended, or as soon as takeaways recorded later allowed it.
        var late = c.FirstTakeawayAt is { } recorded && recorded > ended;
        var elapsed = StoredText.Elapsed(clock.GetUtcNow() - (late ? c.FirstTakeawayAt!.Value : ended));
        return await CompleteAsync(db, claim, item,
            ActivityLine(late ? "Activity.ThankYou.AfterTakeaways" : "Activity.ThankYou.AfterMeeting", c.PersonName, elapsed), ct);
    }

    private async Task<bool> FollowUpAsync(Work work, Candidate c, DateTimeOffset due, CancellationToken ct)
    {
        await using var db = services.CreateDbContextFor(work.Owner);
        // One follow-up per person, ever: another conversation's follow-up counts too.
        if (await db.AutomationActivities.AnyAsync(a => a.PersonId == c.PersonId && a.Work == AutomationWork.FollowUp && a.InterviewId != c.Id, ct)) return false;
        var claim = await ClaimAsync(db, c, AutomationWork.FollowUp, 0, due, ct);
        if (claim is null) return false;
        var (draft, gap) = await DraftSources.ComposeAsync(db, c.Id, DraftKind.FollowUp, new DraftInput(), clock, ct);
        if (gap is not null) return await GiveUpAsync(db, claim, gap, ct);
        var item = await MessageAsync(db, work.Gateway, draft!, DraftKind.FollowUp, DraftWorkflow.TagFor(draft!.Interview, DraftKind.FollowUp), c.OutreachMessageId, ct);
        return await CompleteAsync(db, claim, item,
            ActivityLine("Activity.FollowUp", c.PersonName, NextActionsCalculator.FollowUpAfterBusinessDays), ct);
    }

    private async Task<bool> StayInTouchAsync(Work work, Candidate c, int round, DateTimeOffset due, CancellationToken ct)
    {
        await using var db = services.CreateDbContextFor(work.Owner);
        var claim = await ClaimAsync(db, c, AutomationWork.StayInTouch, round, due, ct);
        if (claim is null) return false;
        var (draft, gap) = await DraftSources.ComposeAsync(db, c.Id, DraftKind.StayInTouch, new DraftInput(), clock, ct);
        if (gap is not null) return await GiveUpAsync(db, claim, gap, ct);
        var tag = $"{DraftWorkflow.TagFor(draft!.Interview, DraftKind.StayInTouch)}/{round.ToString(CultureInfo.InvariantCulture)}";
        var item = await MessageAsync(db, work.Gateway, draft, DraftKind.StayInTouch, tag, null, ct);
        return await CompleteAsync(db, claim, item,
            ActivityLine("Activity.StayInTouch", c.PersonName), ct);
    }

    private async Task<bool> SecondContactAsync(AppDbContext db, Work work, Candidate c, DateTimeOffset due, CancellationToken ct)
    {
        var peers = await db.People.AsNoTracking()
            .Where(p => p.OrganisationKey == c.OrganisationKey && p.Id != c.PersonId)
            .Select(p => new { p.Name, Contacted = p.Interviews.Any(i => i.Stage != InterviewStage.Prospect) })
            .ToListAsync(ct);
        // The rule asks for a second person, not a third.
        if (peers.Any(p => p.Contacted)) return false;
        await using var own = services.CreateDbContextFor(work.Owner);
        var claim = await ClaimAsync(own, c, AutomationWork.SecondContact, 0, due, ct);
        if (claim is null) return false;
        var days = NextActionsCalculator.SecondContactAfterBusinessDays;
        var organisation = c.Organisation?.Trim() ?? "";
        var line = peers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } peer
            ? ActivityLine("Activity.SecondContact.Candidate", c.PersonName, days, organisation, peer.Name)
            : ActivityLine("Activity.SecondContact", c.PersonName, days, organisation);
        return await CompleteAsync(own, claim, null, line, ct);
    }

    /// <summary>A message from the person since the outreach: the conversation moves on (to scheduled, the next stage the rules allow) and nothing more is drafted for the silence.</summary>
    private async Task<bool> ReplyAsync(Work work, Candidate c, DateTimeOffset since, CancellationToken ct)
    {
        var reply = await work.Gateway.LatestFromSinceAsync(c.Email!.Trim(), since, ct);
        if (reply is null) return false;
        await using var db = services.CreateDbContextFor(work.Owner);
        var claim = await ClaimAsync(db, c, AutomationWork.ReplyNoticed, 0, clock.GetUtcNow(), ct);
        if (claim is null) return false;
        await InterviewWrites.RetryingAsync(db, async () =>
        {
            var interview = await db.Interviews.Include(i => i.StageChanges).FirstOrDefaultAsync(i => i.Id == c.Id, ct);
            if (interview is null || interview.Stage != InterviewStage.Contacted) return false;
            var now = clock.GetUtcNow();
            // Agreed when the reply was sent, not when a sweep noticed it: next actions count from there.
            var agreed = reply.SentAt is { } sent && sent <= now ? sent : now;
            if (agreed < interview.StageEnteredAt) agreed = interview.StageEnteredAt;
            interview.Stage = InterviewStage.Scheduled;
            interview.StageEnteredAt = agreed;
            interview.StageChanges.Add(new StageChange { InterviewId = interview.Id, Stage = InterviewStage.Scheduled, EnteredAt = agreed });
            interview.Changed(now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        // The claim was read before the retries cleared the context.
        var fresh = await db.AutomationActivities.FirstAsync(a => a.Id == claim.Id, ct);
        return await CompleteAsync(db, fresh, reply.Id,
            ActivityLine("Activity.ReplyNoticed", c.PersonName), ct);
    }

    /// <summary>
    /// The draft of <paramref name="kind"/> for the interview: the one its tag finds (made by an
    /// earlier attempt, or by the user's own button) or a new one. An existing draft is never rewritten:
    /// the user may have edited it.
    /// </summary>
    private async Task<string> MessageAsync(AppDbContext db, MailboxGateway gateway, ComposedDraft draft, DraftKind kind, string tag, string? replyTo, CancellationToken ct)
    {
        var lookup = await gateway.LookupDraftAsync(tag, null, ct);
        if (lookup.Tagged is { } found) return found.Id;
        if (kind == DraftKind.ThankYou)
            return (await new DraftWorkflow(db, gateway, graphOptions.Value, clock).CreateMessageAsync(draft, kind, new DraftInput())).Item.Id;
        var preview = draft.Preview;
        var message = new DraftMessage(tag, preview.Subject, preview.Html, new MailRecipient(preview.To.Name, preview.To.Address));
        if (replyTo is not null)
        {
            try
            {
                return (await gateway.CreateReplyDraftAsync(replyTo, message, ct)).Id;
            }
            catch (MailboxException e) when (e.Failure == MailboxFailure.NotFound)
            {
                // The outreach was deleted: the follow-up starts its own thread.
            }
        }
        return (await gateway.CreateDraftAsync(message, ct)).Id;
    }

    /// <summary>Claims the piece; an unfinished claim is taken over (only one sweep per user runs at a time, so its owner stopped). Null when done already.</summary>
    private async Task<AutomationActivity?> ClaimAsync(AppDbContext db, Candidate c, AutomationWork kind, int round, DateTimeOffset due, CancellationToken ct)
    {
        var existing = await db.AutomationActivities.FirstOrDefaultAsync(a => a.InterviewId == c.Id && a.Work == kind && a.Round == round, ct);
        if (existing is not null) return existing.CompletedAt is null ? existing : null;
        var claim = new AutomationActivity
        {
            InterviewId = c.Id, PersonId = c.PersonId, PersonName = c.PersonName, Work = kind, Round = round, DueAt = due, ClaimedAt = clock.GetUtcNow(),
        };
        db.AutomationActivities.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return claim;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
    }

    private static string ActivityLine(string key, params object[] args) => StoredText.Store(AutomationActivity.SummaryLength, key, args);

    private async Task<bool> CompleteAsync(AppDbContext db, AutomationActivity claim, string? itemId, string summary, CancellationToken ct)
    {
        claim.ItemId = itemId;
        claim.Summary = summary;
        claim.CompletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    // Something the draft needs is missing (the user's name, the person's address): nothing is drafted
    // and the claim is dropped, so the piece is tried again once the user filled it in.
    private async Task<bool> GiveUpAsync(AppDbContext db, AutomationActivity claim, DraftGap gap, CancellationToken ct)
    {
        logger.LogInformation("Follow-through skipped {Work} for interview {InterviewId}: {Gap}", claim.Work, claim.InterviewId, gap.Detail);
        db.AutomationActivities.Remove(claim);
        await db.SaveChangesAsync(ct);
        return false;
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Validation;
using DraftConnection = OutlookInterviewAddin.Drafting.ConnectionKind;
using PersonConnection = OutlookInterviewAddin.People.ConnectionKind;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Mail;

/// <summary>The three things a conversation sends, as they appear in routes: outreach, invite, thankYou.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DraftKind>))]
public enum DraftKind
{
    Outreach,
    Invite,
    ThankYou,
    /// <summary>The single follow-up after 7 business days without a reply: drafted by the follow-through only.</summary>
    FollowUp,
    /// <summary>A stay-in-touch update reporting on advice acted on: drafted by the follow-through only.</summary>
    StayInTouch,
}

/// <summary>What the user may change before creating: the subject, the body, and which takeaway the thank-you cites.</summary>
/// <param name="Start">For the invite: the start of the meeting the user is writing in Outlook, used instead of the plan.</param>
/// <param name="End">For the invite: its end; the question list fits the minutes between the two.</param>
public sealed record DraftInput(string? Subject = null, string? Html = null, Guid? TakeawayId = null, string? ReplyToMessageId = null,
    DateTimeOffset? Start = null, DateTimeOffset? End = null);

public sealed record DraftRecipientDto(string Name, string Address);

public sealed record DraftFindingDto(OutreachRule Rule, DraftPart Part, int Start, int Length, string Message);

public sealed record DraftAttachmentDto(string FileName, string ContentType, int Size, string ContentBase64);

/// <param name="Start">The meeting's start (an instant).</param>
/// <param name="TimeZone">The user's zone, in which the event is created.</param>
/// <param name="PersonTimeZone">The person's zone, when known and different.</param>
/// <param name="Summary">"Monday, March 15, 10:00 AM – 10:30 AM (America/Toronto)", and the person's time when it differs.</param>
public sealed record DraftMeetingDto(DateTimeOffset Start, DateTimeOffset End, string TimeZone, string? PersonTimeZone, string Summary);

/// <summary>How long the question list takes and what of it the invite carries.</summary>
/// <param name="QuestionCount">Every question of the list.</param>
/// <param name="EstimatedMinutes">The whole list with the opening and closing.</param>
/// <param name="TooLong">The whole list would not fit the meeting, so the invite carries only <paramref name="SuggestedToKeep"/>.</param>
/// <param name="SuggestedToKeep">When too long: the questions the invite carries; empty when all fit.</param>
/// <param name="LeftOut">When too long: the questions left out of the invite (they stay in the user's list); empty when all fit.</param>
/// <param name="InviteMinutes">What the invite's own questions take with the opening and closing.</param>
public sealed record DraftEstimateDto(int QuestionCount, int EstimatedMinutes, int MeetingMinutes, bool TooLong, IReadOnlyList<string> SuggestedToKeep,
    IReadOnlyList<string> LeftOut, int InviteMinutes);

/// <summary>
/// A draft as the pane previews it. <paramref name="Findings"/> is the outreach checker's verdict on
/// the text as it stands (the user's edits included); empty for the invite and the thank-you.
/// </summary>
public sealed record DraftPreview(
    DraftKind Kind,
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<DraftFindingDto> Findings,
    DraftRecipientDto To,
    Guid? TakeawayId,
    DraftAttachmentDto? Attachment,
    DraftMeetingDto? Meeting,
    DraftEstimateDto? Estimate);

/// <summary>A composed draft: the preview, plus what only creating it needs (the file's bytes, the event's times).</summary>
public sealed record ComposedDraft(DraftPreview Preview, Interview Interview, QuestionListFile? File, DateTimeTimeZone? Start, DateTimeTimeZone? End, string? Location);

/// <summary>A piece of data a draft cannot be written without, and the sentence that says what to fill in.</summary>
/// <param name="Missing">profileName, personEmail, plannedStart or takeaways: where the pane sends the user.</param>
public sealed record DraftGap(int Status, string Title, string Detail, string? Missing = null, string? Field = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>A mailbox operation that cannot go ahead (the draft was already sent, say), with what to do.</summary>
public sealed class DraftRefusedException(DraftGap gap) : Exception(gap.Detail)
{
    public DraftGap Gap { get; } = gap;
}

/// <summary>
/// Composes an interview's drafts from what is stored (profile, person, plan, questions,
/// takeaways) with the pure composers in Drafting/, and refuses, with what to fill in, when a
/// piece is missing rather than write a draft with a gap.
/// </summary>
public static class DraftSources
{
    public const string InviteCategory = "Informational interview";

    public static async Task<(ComposedDraft? Draft, DraftGap? Gap)> ComposeAsync(
        AppDbContext db, Guid interviewId, DraftKind kind, DraftInput input, TimeProvider clock, CancellationToken ct)
    {
        var interview = await InterviewView.FindAsync(db, interviewId, ct);
        if (interview is null) return (null, new DraftGap(404, ApiText.Get("NotFound.Title"), ApiText.Get("NotFound.Interview")));
        var person = interview.Person!;
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(ct) ?? new Profile.UserProfile();

        if (string.IsNullOrWhiteSpace(profile.FullName))
            return (null, new DraftGap(409, ApiText.Get("Drafts.NoName"), ApiText.Get("Drafts.NoName.Detail"), "profileName"));
        if (string.IsNullOrWhiteSpace(person.Email))
            return (null, new DraftGap(409, $"{person.Name} has no email address", $"Add {person.Name}'s email address first: the draft needs someone to go to.", "personEmail"));

        string? subject = null;
        EditedBody? body = null;
        if (input.Subject is not null)
        {
            subject = input.Subject.Trim();
            if (subject.Length == 0 || subject.Length > 255)
                return (null, new DraftGap(400, ApiText.Get("Drafts.Subject"), ApiText.Format("Drafts.Subject.Detail", 255), Field: "subject"));
        }
        if (input.Html is not null)
        {
            if (input.Html.Length > EditedBody.MaxLength)
                return (null, new DraftGap(400, ApiText.Get("Drafts.TooLong"), ApiText.Format("Drafts.TooLong.Detail", EditedBody.MaxLength), Field: "html"));
            body = EditedBody.From(input.Html);
            if (body.Text.Length == 0)
                return (null, new DraftGap(400, ApiText.Get("Drafts.Empty"), ApiText.Get("Drafts.Empty.Detail"), Field: "html"));
        }

        var zone = UserTimeZone.ResolveOrUtc(profile.TimeZone);
        var sender = new DraftSender(profile.FullName, profile.School, profile.Program, profile.FieldsOfInterest, profile.City, null, profile.Signature);
        var recipient = new DraftRecipient(person.Name, person.Email, person.Organisation, person.Role, person.Field, person.City,
            ConnectionOf(person.Connection), person.ConnectionDetail, person.GreetAs, person.Language, person.AddressForm);
        var checker = OutreachChecker.For(person.Language);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        // The person's place on the user's list: consecutive people get different openings.
        var ordinal = await db.People.CountAsync(p => p.CreatedAt < person.CreatedAt, ct);
        var variety = new DraftVariety($"{person.OwnerTenantId:N}{person.OwnerObjectId:N}", person.Email, today, ordinal);
        var to = new DraftRecipientDto(person.Name, person.Email.Trim());

        switch (kind)
        {
            case DraftKind.Outreach:
            {
                var referrer = person.ReferredById is { } rid
                    ? await db.People.AsNoTracking().Where(p => p.Id == rid).Select(p => p.Name).FirstOrDefaultAsync(ct)
                    : null;
                var request = new OutreachRequest(sender, recipient, variety, referrer is null ? null : new DraftReferrer(referrer));
                var composed = OutreachComposer.For(recipient).Compose(request);
                var finalSubject = subject ?? composed.Subject;
                var text = body?.Text ?? composed.ToPlainText();
                var findings = checker.Check(finalSubject, text, OutreachComposer.CheckContextFor(request))
                    .Select(f => new DraftFindingDto(f.Rule, f.Part, f.Start, f.Length, f.Message)).ToList();
                return (new ComposedDraft(new DraftPreview(kind, finalSubject, text, body?.Html ?? composed.ToHtml(), findings, to, null, null, null, null),
                    interview, null, null, null, null), null);
            }

            case DraftKind.ThankYou:
            {
                var takeaways = interview.Takeaways.OrderBy(t => t.CreatedAt).ToList();
                if (takeaways.Count == 0)
                    return (null, new DraftGap(409, ApiText.Get("Drafts.NoTakeaways"), ApiText.Format("Drafts.NoTakeaways.ThankYou", person.Name), "takeaways"));
                var chosen = input.TakeawayId is { } tid ? takeaways.FindIndex(t => t.Id == tid) : takeaways.FindIndex(t => t.IsMostHelpful);
                if (input.TakeawayId is not null && chosen < 0)
                    return (null, new DraftGap(400, ApiText.Get("Drafts.UnknownTakeaway"), ApiText.Get("Drafts.UnknownTakeaway.Detail"), Field: "takeawayId"));
                if (chosen < 0) chosen = 0;
                var referrals = await db.People.AsNoTracking().Where(p => p.ReferredViaInterviewId == interview.Id)
                    .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
                var met = interview.PlannedStart ?? interview.EnteredAt(InterviewStage.Interviewed) ?? clock.GetUtcNow();
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(met, zone).DateTime);
                var composed = ThankYouComposer.For(recipient).Compose(new ThankYouRequest(sender, recipient,
                    new DraftInterview(day, [.. takeaways.Select(t => t.Text)], chosen, referrals), variety, takeaways[chosen].Action));
                var finalSubject = subject ?? composed.Subject;
                var text = body?.Text ?? composed.ToPlainText();
                // Not an outreach request, but a name typed with markup or a placeholder still shows.
                var findings = checker.CheckAnyMail(finalSubject, text, new OutreachCheckContext(null, [.. KnownValues(person)]))
                    .Select(f => new DraftFindingDto(f.Rule, f.Part, f.Start, f.Length, f.Message)).ToList();
                return (new ComposedDraft(new DraftPreview(kind, finalSubject, text,
                    body?.Html ?? composed.ToHtml(), findings, to, takeaways[chosen].Id, null, null, null), interview, null, null, null, null), null);
            }

            case DraftKind.FollowUp:
            {
                var sent = interview.StageChanges.Where(c => c.Stage == InterviewStage.Contacted).Select(c => c.EnteredAt)
                    .DefaultIfEmpty(interview.StageEnteredAt).Min();
                var composed = FollowUpComposer.For(recipient).Compose(new FollowUpRequest(sender, recipient,
                    DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sent, zone).DateTime), variety));
                return (new ComposedDraft(new DraftPreview(kind, composed.Subject, composed.ToPlainText(), composed.ToHtml(), [], to, null, null, null, null),
                    interview, null, null, null, null), null);
            }

            case DraftKind.StayInTouch:
            {
                // The advice the user said they would act on: the most helpful tip with a plan, any tip with one, the most helpful tip.
                var takeaways = interview.Takeaways.OrderBy(t => t.CreatedAt).ToList();
                var acted = takeaways.FirstOrDefault(t => t.IsMostHelpful && !string.IsNullOrWhiteSpace(t.Action))
                    ?? takeaways.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Action))
                    ?? takeaways.FirstOrDefault(t => t.IsMostHelpful) ?? takeaways.FirstOrDefault();
                if (acted is null)
                    return (null, new DraftGap(409, ApiText.Get("Drafts.NoTakeaways"), ApiText.Format("Drafts.NoTakeaways.StayInTouch", person.Name), "takeaways"));
                var met = interview.PlannedStart ?? interview.EnteredAt(InterviewStage.Interviewed) ?? interview.StageEnteredAt;
                var plan = string.IsNullOrWhiteSpace(acted.Action) ? null
                    : StayInTouchComposer.ActionTaken(recipient, LowerFirst(acted.Action.Trim().TrimEnd('.')));
                var composed = StayInTouchComposer.For(recipient).Compose(new StayInTouchRequest(sender, recipient, acted.Text, variety, plan,
                    LastMet: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(met, zone).DateTime)));
                return (new ComposedDraft(new DraftPreview(kind, composed.Subject, composed.ToPlainText(), composed.ToHtml(), [], to, acted.Id, null, null, null),
                    interview, null, null, null, null), null);
            }

            default:
            {
                if (interview.Stage is InterviewStage.Declined)
                    return (null, new DraftGap(409, ApiText.Format("Drafts.Declined", person.Name), ApiText.Format("Drafts.Declined.Detail", person.Name)));
                if (interview.Stage is InterviewStage.Interviewed or InterviewStage.Thanked or InterviewStage.StayingInTouch)
                    return (null, new DraftGap(409, ApiText.Get("Drafts.AlreadyMet"), ApiText.Format("Drafts.AlreadyMet.Detail", person.Name)));
                if ((input.Start ?? interview.PlannedStart) is not { } start)
                    return (null, new DraftGap(409, ApiText.Get("Drafts.NoTime"), ApiText.Format("Drafts.NoTime.Detail", person.Name), "plannedStart"));
                if (start < clock.GetUtcNow())
                    return (null, new DraftGap(409, ApiText.Get("Drafts.TimePassed"), ApiText.Format("Drafts.TimePassed.Detail", person.Name), "plannedStart"));
                var end = input.End ?? start.AddMinutes(interview.DurationMinutes ?? 30);
                if (end <= start || end - start > TimeSpan.FromHours(8))
                    return (null, new DraftGap(400, ApiText.Get("Drafts.Times"), ApiText.Get("Drafts.Times.Detail"), Field: "end"));
                var personZone = UserTimeZone.TryResolve(person.TimeZone, out var pz) ? pz : null;
                var questions = await QuestionListsApi.QuestionsForAsync(db, interview, ct);
                var filled = questions.Filled;
                var agenda = new QuestionAgenda(filled.Opening ?? "", [.. filled.Parts.Select(p => new AgendaPart(p.Title, p.Questions))], filled.Closing ?? "");
                var renderer = QuestionListRenderer.For(recipient);
                var rendered = renderer.Render(new QuestionListRequest(recipient,
                    new MeetingPlan(start, end, (personZone ?? zone).Id, interview.Place, interview.MeetingUrl), agenda));
                var estimate = rendered.Estimate;
                var location = LocationOf(interview);
                var file = rendered.File;
                var preview = new DraftPreview(kind,
                    subject ?? renderer.InviteSubject(sender.FullName, person.Name),
                    body?.Text ?? rendered.Body.ToPlainText(),
                    body?.Html ?? rendered.Body.ToHtml(),
                    [], to, null,
                    new DraftAttachmentDto(file.FileName, QuestionListFile.ContentType, file.Content.Length, Convert.ToBase64String(file.Content)),
                    new DraftMeetingDto(start, end, zone.Id, personZone is not null && personZone.Id != zone.Id ? personZone.Id : null,
                        Summary(start, end, zone, personZone, person.Name)),
                    new DraftEstimateDto(estimate.QuestionCount, estimate.EstimatedMinutes, estimate.MeetingMinutes, estimate.TooLong, estimate.SuggestedToKeep,
                        estimate.LeftOut, estimate.InviteMinutes));
                return (new ComposedDraft(preview, interview, file, WallClock(start, zone), WallClock(end, zone), location), null);
            }
        }
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    // The people list and the drafting engine know the same ten ways of knowing someone.
    internal static DraftConnection ConnectionOf(PersonConnection connection) => connection switch
    {
        PersonConnection.Manager => DraftConnection.Manager,
        PersonConnection.CoopTeammate => DraftConnection.CoopTeammate,
        PersonConnection.Colleague => DraftConnection.Colleague,
        PersonConnection.Family => DraftConnection.Family,
        PersonConnection.Friend => DraftConnection.Friend,
        PersonConnection.FriendOfFriend => DraftConnection.FriendOfFriend,
        PersonConnection.Alumni => DraftConnection.Alumni,
        PersonConnection.Professor => DraftConnection.Professor,
        PersonConnection.OtherWarm => DraftConnection.OtherWarm,
        _ => DraftConnection.Cold,
    };

    private static IEnumerable<string> KnownValues(People.Person person) =>
        new[] { person.Organisation, person.Role, person.Field, person.ConnectionDetail }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!);

    private static string? LocationOf(Interview interview)
    {
        if (!string.IsNullOrWhiteSpace(interview.Place)) return interview.Place.Trim();
        return interview.PlaceKind switch
        {
            PlaceKind.Online => "Online",
            PlaceKind.Phone => "Phone call",
            PlaceKind.Coffee => "Coffee",
            _ => null,
        };
    }

    /// <summary>
    /// The wall-clock time in the user's zone, with the zone as a Windows id when one exists (every
    /// Outlook and Exchange knows those); Graph turns it into the right instant, daylight saving included.
    /// </summary>
    public static DateTimeTimeZone WallClock(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var id = zone.Id == TimeZoneInfo.Utc.Id ? "UTC"
            : TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows) ? windows : zone.Id;
        return new DateTimeTimeZone { DateTime = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = id };
    }

    private static string Summary(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, TimeZoneInfo? personZone, string personName)
    {
        static string Range(DateTimeOffset s, DateTimeOffset e, TimeZoneInfo z)
        {
            var (ls, le) = (TimeZoneInfo.ConvertTime(s, z), TimeZoneInfo.ConvertTime(e, z));
            var culture = CultureInfo.GetCultureInfo("en-US");
            return $"{ls.ToString("dddd, MMMM d, yyyy, h:mm tt", culture)} – {le.ToString("h:mm tt", culture)} ({z.Id})";
        }
        var mine = Range(start, end, zone);
        return personZone is null || personZone.Id == zone.Id ? mine : $"{mine}; for {personName}: {Range(start, end, personZone)}";
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Drafting.QuestionList;

/// <summary>
/// Renders the agenda for the calendar invite (body and attached .docx, both from one composition)
/// with the person's name, the time in their zone and the place, and the questions that fit the
/// meeting; the estimate tells the user which ones stay behind in their list.
/// </summary>
public sealed class QuestionListRenderer(DraftText text)
{
    public static QuestionListRenderer English { get; } = new(DraftText.English);

    /// <summary>The renderer for a person: their language and, in French, tu or vous.</summary>
    public static QuestionListRenderer For(DraftRecipient recipient) =>
        recipient.Language == DraftLanguage.En ? English : new(DraftTemplates.For(recipient).Text);

    /// <summary>The invite's subject, which both people see in their calendars.</summary>
    public string InviteSubject(string senderName, string recipientName) => text.Format("Invite.Subject", senderName, recipientName);

    public RenderedQuestionList Render(QuestionListRequest request)
    {
        var (recipient, meeting, agenda) = (request.Recipient, request.Meeting, request.Agenda);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["recipientFirstName"] = recipient.FirstName,
            ["recipientName"] = recipient.FullName,
            ["organisation"] = recipient.Organisation,
            ["role"] = recipient.Role,
            ["field"] = recipient.Field,
            ["city"] = recipient.City,
        };
        var kitValues = new PlaceholderValues(recipient.FullName, recipient.Organisation, recipient.Role, recipient.Field, recipient.City);
        var plan = Plan(agenda, values, kitValues);

        var minutes = meeting.Minutes > 0 ? meeting.Minutes : 30;
        var questions = plan.Parts.Select(p => p.Questions).ToList();
        var estimate = TimeEstimate.For(questions, minutes, plan.ListedReferralQuestion);
        var fitted = TimeEstimate.Fit(questions, minutes);

        var title = text.Format("Agenda.Title", recipient.FullName);
        var blocks = new List<CompositionBlock>
        {
            new HeadingBlock(title),
            ParagraphBlock.FromSentences([text.Format("Agenda.When", When(meeting))]),
        };
        var where = Where(meeting);
        if (where is not null)
            blocks.Add(where);

        if (plan.Opening.Count > 0)
        {
            blocks.Add(new HeadingBlock(text.Get("Agenda.Opening"), 2));
            blocks.Add(ParagraphBlock.FromSentences(plan.Opening));
        }
        for (var part = 0; part < plan.Parts.Count; part++)
        {
            if (fitted[part].Count == 0)
                continue;
            blocks.Add(new HeadingBlock(plan.Parts[part].Title, 2));
            blocks.Add(new ListBlock(fitted[part]));
        }
        blocks.Add(new HeadingBlock(text.Get("Agenda.Closing"), 2));
        blocks.Add(ParagraphBlock.FromSentences(plan.ReferralQuestion is null ? plan.Closing : [plan.ReferralQuestion, .. plan.Closing]));

        var advice = new List<CompositionBlock>
        {
            ParagraphBlock.FromSentences([text.Format("Agenda.Estimate", estimate.QuestionCount, estimate.EstimatedMinutes, estimate.MeetingMinutes)]),
        };
        if (estimate.TooLong)
        {
            advice.Add(ParagraphBlock.FromSentences(
                [text.Format("Agenda.TooLong", estimate.SuggestedToKeep.Count, estimate.QuestionCount, estimate.MeetingMinutes, estimate.LeftOut.Count)], emphasis: true));
            advice.Add(new ListBlock(estimate.LeftOut));
        }
        else
            advice.Add(ParagraphBlock.FromSentences([text.Get("Agenda.Fits")]));

        var body = new Composition(title, blocks);
        var name = QuestionListFileName.Clean(recipient.FullName);
        var fileName = QuestionListFileName.For(name.Length > 0 ? text.Format("Agenda.FileName", name) : "", text.Get("Agenda.FileNameFallback"));
        return new RenderedQuestionList(body, estimate, new Composition(title, advice), new QuestionListFile(fileName, QuestionListDocument.Write(body)));
    }

    /// <summary>The list as it will be asked: filled, each line once, the referral question in the closing.</summary>
    /// <param name="ReferralQuestion">The "who else should I talk to?" question the closing starts with; null when the closing's own words ask it.</param>
    /// <param name="ListedReferralQuestion">The list's own referral question, asked in the closing (in its words or the closing's); null when the list has none.</param>
    private sealed record AgendaPlan(IReadOnlyList<string> Opening, IReadOnlyList<AgendaPart> Parts, string? ReferralQuestion,
        string? ListedReferralQuestion, IReadOnlyList<string> Closing);

    // Lists are edited by hand and copied from kits, so the same line easily appears twice, and the
    // "who else should I talk to?" question is both a question of the last part and the heart of the
    // closing. Each line is asked once (its first place wins), the referral question in the closing.
    private AgendaPlan Plan(QuestionAgenda agenda, IReadOnlyDictionary<string, string?> values, PlaceholderValues kitValues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool FirstTime(string line) => seen.Add(SameLineKey(line));

        var opening = Fill(agenda.Opening, values, kitValues).Where(FirstTime).ToList();
        var closing = Fill(agenda.Closing, values, kitValues);
        var closingAsks = closing.Any(AsksForReferrals);
        string? listed = null;
        var parts = new List<AgendaPart>();
        foreach (var part in agenda.Parts)
        {
            var questions = new List<string>();
            foreach (var template in part.Questions)
            {
                if (Fill(template, values, kitValues) is not { Count: > 0 } sentences)
                    continue;
                var question = string.Join(' ', sentences);
                if (AsksForReferrals(question))
                {
                    // When the closing asks in its own words, the question is not a line of its own to dedupe.
                    if (listed is null && (closingAsks || FirstTime(question)))
                        listed = question;
                }
                else if (FirstTime(question))
                    questions.Add(question);
            }
            parts.Add(part with { Questions = questions });
        }
        // The closing's own words ask it, or the list's question opens the closing, or the product's wording does.
        var referral = closingAsks ? null : listed ?? (FirstTime(text.Get("Agenda.ReferralQuestion")) ? text.Get("Agenda.ReferralQuestion") : null);
        return new AgendaPlan(opening, parts, referral, listed, [.. closing.Where(FirstTime)]);
    }

    /// <summary>Whether a line asks the person whom else to talk to, in any of the wordings the resources list.</summary>
    internal bool AsksForReferrals(string line) => referralPatterns.Value.Any(p => p.IsMatch(line));

    private readonly Lazy<IReadOnlyList<Regex>> referralPatterns = new(() =>
        [.. text.Lines("Agenda.ReferralPatterns").Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))]);

    // Two lines say the same when they differ only in case, spacing, apostrophes or the final mark.
    private string SameLineKey(string line)
    {
        var words = line.Replace('\u2019', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).TrimEnd('.', '?', '!', ';', ':', ' ').ToLower(text.Culture);
    }

    // A question is a one-line template: a missing value drops it instead of asking with a gap;
    // the kits' {organisation|this job} form reads its own wording instead. One that does not parse
    // (saved before validation existed) is shown only if it has no markup.
    private IReadOnlyList<string> Fill(string template, IReadOnlyDictionary<string, string?> values, PlaceholderValues kitValues)
    {
        var parsed = MergeTemplate.Parse(template, TemplateSlots.QuestionFields, text);
        if (parsed.Template is not null)
            return parsed.Template.Render(values);
        if (QuestionAgenda.UsesKitFallbacks(template))
            return PlaceholderFiller.Fill(template, kitValues) is { Length: > 0 } filled ? [filled] : [];
        return template.IndexOfAny(['{', '}', '[', ']']) < 0 && template.Trim().Length > 0 ? [template.Trim()] : [];
    }

    private string When(MeetingPlan meeting)
    {
        var zone = FindZone(meeting.TimeZoneId);
        var start = zone is null ? meeting.Start : TimeZoneInfo.ConvertTime(meeting.Start, zone);
        var end = zone is null ? meeting.End : TimeZoneInfo.ConvertTime(meeting.End, zone);
        var zoneName = zone is null
            ? "UTC" + meeting.Start.Offset.ToString(meeting.Start.Offset < TimeSpan.Zero ? @"\-hh\:mm" : @"\+hh\:mm", CultureInfo.InvariantCulture)
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        return text.Format("Agenda.TimeRange",
            start.ToString(text.Get("Agenda.DateFormat"), text.Culture),
            start.ToString(text.Get("Agenda.TimeFormat"), text.Culture),
            end.ToString(text.Get("Agenda.TimeFormat"), text.Culture),
            zoneName);
    }

    private static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    private ParagraphBlock? Where(MeetingPlan meeting)
    {
        var spans = new List<TextSpan>();
        if (!string.IsNullOrWhiteSpace(meeting.Place))
            spans.Add(new TextSpan(text.Format("Agenda.Where", meeting.Place.Trim())));
        var link = TextSpan.TryParseLink(meeting.OnlineUrl);
        if (link is not null)
        {
            spans.Add(new TextSpan(text.Format("Agenda.Where", text.Get("Agenda.Online")) + " ", LineBreakBefore: spans.Count > 0));
            spans.Add(new TextSpan(link.AbsoluteUri, link));
        }
        return spans.Count == 0 ? null : new ParagraphBlock(spans);
    }
}

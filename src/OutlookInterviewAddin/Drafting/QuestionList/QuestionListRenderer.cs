using System.Globalization;

namespace OutlookInterviewAddin.Drafting.QuestionList;

/// <summary>
/// Renders the agenda for the calendar invite (body and attached .docx, both from one composition)
/// with the person's name, the time in their zone and the place, and estimates whether the
/// questions fit the meeting.
/// </summary>
public sealed class QuestionListRenderer(DraftText text)
{
    public static QuestionListRenderer English { get; } = new(DraftText.English);

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

        var title = text.Format("Agenda.Title", recipient.FullName);
        var blocks = new List<CompositionBlock>
        {
            new HeadingBlock(title),
            ParagraphBlock.FromSentences([text.Format("Agenda.When", When(meeting))]),
        };
        var where = Where(meeting);
        if (where is not null)
            blocks.Add(where);

        blocks.Add(new HeadingBlock(text.Get("Agenda.Opening"), 2));
        blocks.Add(ParagraphBlock.FromSentences(Fill(agenda.Opening, values)));
        var parts = new List<IReadOnlyList<string>>();
        foreach (var part in agenda.Parts)
        {
            var questions = part.Questions.SelectMany(q => Fill(q, values) is { Count: > 0 } s ? [string.Join(' ', s)] : Array.Empty<string>()).ToList();
            parts.Add(questions);
            if (questions.Count == 0)
                continue;
            blocks.Add(new HeadingBlock(part.Title, 2));
            blocks.Add(new ListBlock(questions));
        }
        blocks.Add(new HeadingBlock(text.Get("Agenda.Closing"), 2));
        blocks.Add(ParagraphBlock.FromSentences(Fill(agenda.Closing, values)));

        var minutes = meeting.Minutes > 0 ? meeting.Minutes : 30;
        var estimate = TimeEstimate.For(parts, minutes);
        var advice = new List<CompositionBlock>
        {
            ParagraphBlock.FromSentences([text.Format("Agenda.Estimate", estimate.QuestionCount, estimate.EstimatedMinutes, estimate.MeetingMinutes)]),
        };
        if (estimate.TooLong)
        {
            advice.Add(ParagraphBlock.FromSentences([text.Format("Agenda.TooLong", estimate.SuggestedToKeep.Count)], emphasis: true));
            advice.Add(new ListBlock(estimate.SuggestedToKeep));
        }
        else
            advice.Add(ParagraphBlock.FromSentences([text.Get("Agenda.Fits")]));

        var body = new Composition(title, blocks);
        var fileName = SafeFileName(text.Format("Agenda.FileName", recipient.FullName)) + ".docx";
        return new RenderedQuestionList(body, estimate, new Composition(title, advice), new QuestionListFile(fileName, QuestionListDocument.Write(body)));
    }

    // A question is a one-line template: a missing value drops it instead of asking with a gap;
    // one that does not parse (saved before validation existed) is shown only if it has no markup.
    private IReadOnlyList<string> Fill(string template, IReadOnlyDictionary<string, string?> values)
    {
        var parsed = MergeTemplate.Parse(template, TemplateSlots.QuestionFields, text);
        if (parsed.Template is not null)
            return parsed.Template.Render(values);
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
            start.ToString("t", text.Culture),
            end.ToString("t", text.Culture),
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

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c)]).Trim();
        return cleaned.Length > 120 ? cleaned[..120].Trim() : cleaned;
    }
}

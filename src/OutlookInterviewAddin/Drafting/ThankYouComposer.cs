namespace OutlookInterviewAddin.Drafting;

/// <summary>What the user wrote down right after a conversation.</summary>
/// <param name="Day">The day they spoke.</param>
/// <param name="Takeaways">The main points, in the user's words.</param>
/// <param name="ChosenTakeaway">Index in <paramref name="Takeaways"/> of the one the thank-you cites.</param>
/// <param name="RecommendedPeople">People the person suggested talking to next; empty when none.</param>
public sealed record DraftInterview(DateOnly Day, IReadOnlyList<string> Takeaways, int ChosenTakeaway, IReadOnlyList<string>? RecommendedPeople = null)
{
    public string Chosen =>
        ChosenTakeaway >= 0 && ChosenTakeaway < Takeaways.Count && !string.IsNullOrWhiteSpace(Takeaways[ChosenTakeaway])
            ? Takeaways[ChosenTakeaway]
            : throw new ArgumentException("The chosen takeaway must be one of the interview's takeaways.", nameof(ChosenTakeaway));
}

/// <summary>What a thank-you is written from.</summary>
/// <param name="Action">How the user will act on the takeaway, as a phrase ("start a portfolio site this month").</param>
public sealed record ThankYouRequest(DraftSender Sender, DraftRecipient Recipient, DraftInterview Interview, DraftVariety Variety, string? Action = null);

/// <summary>
/// Writes the thank-you sent within 24 hours: thanks, the chosen takeaway quoted in the user's own
/// words (or, when very long, its opening words marked as shortened), how they will act on it, the
/// people they will contact as suggested, and an offer to stay in touch.
/// </summary>
public sealed class ThankYouComposer(DraftTemplates templates)
{
    public static ThankYouComposer English { get; } = new(DraftTemplates.English);

    public Composition Compose(ThankYouRequest request)
    {
        var text = templates.Text;
        var values = DraftValues.Email(request.Sender, request.Recipient);
        values["takeaway"] = DraftValues.Quote(request.Interview.Chosen, text);
        values["action"] = DraftValues.Clause(request.Action);
        values["referrals"] = DraftValues.JoinNames(request.Interview.RecommendedPeople, text);
        values["meetingDay"] = request.Interview.Day.ToString(text.Get("Format.Day"), text.Culture);

        TemplateSlot[] parts =
        [
            TemplateSlots.ThankYouThanks, TemplateSlots.ThankYouTakeaway, TemplateSlots.ThankYouAction, TemplateSlots.ThankYouReferral,
            TemplateSlots.ThankYouStayInTouch, TemplateSlots.EmailGreeting, TemplateSlots.EmailSignOff, TemplateSlots.ThankYouSubject,
        ];
        var chosen = request.Variety.Choose([.. parts.Select(p => (p.Key, templates.Variants(p).Count))]);
        IReadOnlyList<string> Part(int i) => templates.Render(parts[i], chosen[i], values);

        return EmailLayout.Build(
            string.Join(' ', Part(7)),
            Part(5),
            [[.. Part(0), .. Part(1), .. Part(2)], [.. Part(3), .. Part(4)]],
            Part(6),
            request.Sender);
    }
}

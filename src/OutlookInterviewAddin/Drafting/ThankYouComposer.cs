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
/// <param name="Action">What the user will do with the takeaway, in their words: a phrase ("sign up for the spring
/// hackathon", "signed up for the spring hackathon") or a sentence ("I've already signed up for it.").</param>
public sealed record ThankYouRequest(DraftSender Sender, DraftRecipient Recipient, DraftInterview Interview, DraftVariety Variety, string? Action = null);

/// <summary>
/// Writes the thank-you sent within 24 hours, in the voice of the relationship: thanks, the chosen
/// takeaway quoted in the user's own words (or, when very long, its opening words marked as
/// shortened), what they will do with it when they said, the people they will contact as
/// suggested, and a close that promises news only when there is a plan to report on.
/// </summary>
public sealed class ThankYouComposer(DraftTemplates templates)
{
    public static ThankYouComposer English { get; } = new(DraftTemplates.English);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DraftTemplates, ThankYouComposer> ByWording = new();

    /// <summary>The composer that writes to this person: in their language and, in French, with tu or vous.</summary>
    public static ThankYouComposer For(DraftRecipient recipient) => ByWording.GetOrAdd(DraftTemplates.For(recipient), t => new(t));

    public Composition Compose(ThankYouRequest request)
    {
        var text = templates.Text;
        var voice = Voice.For(request.Recipient, referred: false);
        var values = DraftValues.Email(request.Sender, request.Recipient);
        values["takeaway"] = DraftValues.Quote(request.Interview.Chosen, text);
        values["referrals"] = DraftValues.JoinNames(request.Interview.RecommendedPeople, text);
        values["meetingDay"] = request.Interview.Day.ToString(text.Get("Format.Day"), text.Culture);
        var plan = DraftValues.Plan(request.Action, text);
        values["action"] = plan?.Phrase;
        var planSlot = plan?.Done == true ? TemplateSlots.ThankYouPlanDone : TemplateSlots.ThankYouPlan;

        // The subject first: it changes fastest between the people the user thanks.
        TemplateSlot[] parts =
        [
            voice.ThankYouSubject, voice.ThankYouThanks, TemplateSlots.ThankYouTakeaway, planSlot, TemplateSlots.ThankYouReferral,
            plan is null ? voice.ThankYouClose : TemplateSlots.ThankYouReportBack,
        ];
        var chosen = request.Variety.Choose([.. parts.Select(p => (p.Key, templates.Variants(p).Count))]);
        IReadOnlyList<string> Part(int i) => templates.Render(parts[i], chosen[i], values);

        // The user's own sentence is quoted as they wrote it; a phrase goes into the plan wording.
        IReadOnlyList<string> planSentences = plan is null ? [] : plan.Sentence is { } own ? [own] : Part(3);
        return EmailLayout.Build(
            string.Join(' ', Part(0)),
            voice.GreetingLine(templates, request.Variety, values),
            [[.. Part(1), .. Part(2), .. planSentences], [.. Part(4), .. Part(5)]],
            voice.SignOffLine(templates, request.Variety, values),
            request.Sender);
    }
}

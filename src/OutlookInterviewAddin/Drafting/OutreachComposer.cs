namespace OutlookInterviewAddin.Drafting;

/// <summary>What an outreach request is written from.</summary>
public sealed record OutreachRequest(DraftSender Sender, DraftRecipient Recipient, DraftVariety Variety, DraftReferrer? Referrer = null);

/// <summary>
/// Writes the request for an informational interview in the voice that fits the relationship: the
/// connection first (who referred them, or how the user knows them), interest stated narrowly
/// (their role, their organisation) and broadly (the field), a word about the user only to people
/// who do not already know it, a short ask framed as a question, an offer of coffee or a call, and
/// never a word about jobs. Each merged value is said once. It aims for 50–70 words, the middle of
/// what fits a phone screen, and returns a draft that passes <see cref="OutreachChecker"/> whenever
/// any wording can; otherwise the one with the fewest findings (the caller shows them).
/// </summary>
public sealed partial class OutreachComposer(DraftTemplates templates)
{
    /// <summary>The length the composer aims for, in words as the checker counts them.</summary>
    public const int ShortestWords = 50, LongestWords = 70;

    // How many wordings are tried before settling for the best one found.
    private const int Attempts = 40;

    private readonly OutreachChecker checker = new(templates.Text);

    public static OutreachComposer English { get; } = new(DraftTemplates.English);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DraftTemplates, OutreachComposer> ByWording = new();

    /// <summary>The composer that writes to this person: in their language and, in French, with tu or vous.</summary>
    public static OutreachComposer For(DraftRecipient recipient) => ByWording.GetOrAdd(DraftTemplates.For(recipient), t => new(t));

    public Composition Compose(OutreachRequest request)
    {
        var values = Values(request);
        var context = CheckContextFor(request);
        var voice = Voice.For(request.Recipient, request.Referrer is not null);
        var greeting = voice.GreetingLine(templates, request.Variety, values);
        var signOff = voice.SignOffLine(templates, request.Variety, values);

        // The order sets which part changes first between people contacted the same day: the
        // opening first, so one user's drafts to many people start differently.
        var body = new List<BodyPart>
        {
            new(voice.Connection, Optional: false),
            new(TemplateSlots.OutreachInterest, Optional: false),
        };
        if (voice.AboutMe is { } aboutMe)
            body.Add(new(aboutMe, Optional: true));
        body.Add(new(TemplateSlots.OutreachPurpose, Optional: true));
        body.Add(new(voice.OutreachAsk, Optional: false));
        body.Add(new(TemplateSlots.OutreachOffer, Optional: false));
        body.Add(new(TemplateSlots.OutreachThanks, Optional: true));
        TemplateSlot[] radix = [voice.Connection, voice.OutreachAsk, TemplateSlots.OutreachInterest, TemplateSlots.OutreachOffer,
            .. body.Where(p => p.Optional).Select(p => p.Slot)];
        // The subject is chosen per person, not by the place on the list: one user's requests to
        // consecutive people do not share one.
        var subjectChoice = request.Variety.Stable(voice.OutreachSubject.Key, templates.Variants(voice.OutreachSubject).Count);

        Composition? best = null;
        var bestScore = (Findings: int.MaxValue, Distance: int.MaxValue);
        for (var step = 0; step < Attempts; step++)
        {
            // The opening, the ask and the interest stay as chosen: they tell one person's request from the next.
            var chosen = request.Variety.Choose([.. radix.Select(p => (p.Key, templates.Variants(p).Count))], step, kept: 3);
            var index = radix.Select((slot, i) => (slot.Key, chosen[i])).ToDictionary(x => x.Key, x => x.Item2, StringComparer.Ordinal);
            var subject = Subject(voice.OutreachSubject, subjectChoice + step, values, context);
            foreach (var omitted in Omissions(body))
            {
                var candidate = Build(body, index, omitted, values, subject, greeting, signOff, request.Sender);
                var text = candidate.ToPlainText();
                var findings = checker.Check(candidate.Subject, text, context).Count;
                var words = OutreachChecker.MessageWords(text);
                var distance = words < ShortestWords ? ShortestWords - words : words > LongestWords ? words - LongestWords : 0;
                if (findings == 0 && distance == 0)
                    return candidate;
                if ((findings, distance).CompareTo(bestScore) < 0)
                    (best, bestScore) = (candidate, (findings, distance));
            }
        }
        return best!;
    }

    /// <summary>What the checker needs to know to check this request, or the user's edits of it.</summary>
    public static OutreachCheckContext CheckContextFor(OutreachRequest request) =>
        new(request.Referrer?.FullName,
            [.. new[] { request.Recipient.Organisation, request.Recipient.Role, request.Recipient.Field, request.Recipient.SharedContext, request.Recipient.City }
                .Concat(request.Sender.FieldsOfInterest ?? [])
                .Append(request.Sender.School).Append(request.Sender.Program)
                .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())]);

    private sealed record BodyPart(TemplateSlot Slot, bool Optional);

    // The full text first, then without the optional sentences, most dispensable first: the
    // courtesy line, the purpose, then what the user says about themselves.
    private static IEnumerable<IReadOnlySet<string>> Omissions(IReadOnlyList<BodyPart> body)
    {
        var optional = body.Where(p => p.Optional).Select(p => p.Slot.Key).ToList();
        string[] order = [TemplateSlots.OutreachThanks.Key, TemplateSlots.OutreachPurpose.Key, .. optional.Where(k =>
            k != TemplateSlots.OutreachThanks.Key && k != TemplateSlots.OutreachPurpose.Key)];
        yield return new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= order.Length; n++)
            yield return new HashSet<string>(order.Take(n), StringComparer.Ordinal);
        yield return new HashSet<string>([TemplateSlots.OutreachPurpose.Key], StringComparer.Ordinal);
        // Long names: say the field, then the role, only where the opening already did.
        yield return new HashSet<string>([.. order, "field"], StringComparer.Ordinal);
        yield return new HashSet<string>([.. order, "field", "role"], StringComparer.Ordinal);
        yield return new HashSet<string>([.. order, "field", "role", "organisation"], StringComparer.Ordinal);
    }

    private Composition Build(IReadOnlyList<BodyPart> body, Dictionary<string, int> index, IReadOnlySet<string> omitted,
        Dictionary<string, string?> values, string subject, IReadOnlyList<string> greeting, IReadOnlyList<string> signOff, DraftSender sender)
    {
        var sentences = new List<string>();
        var fresh = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        foreach (var part in body.Where(p => !omitted.Contains(p.Slot.Key)))
        {
            var rendered = templates.Render(part.Slot, index[part.Slot.Key], fresh);
            sentences.AddRange(rendered);
            SpendValues(fresh, rendered);
            foreach (var field in SaidOnce.Where(omitted.Contains))
                fresh[field] = null;
        }
        return new Composition(subject,
        [
            ParagraphBlock.FromSentences(greeting),
            ParagraphBlock.FromSentences(sentences),
            ParagraphBlock.FromLines([.. signOff, .. sender.NameAndSignature]),
        ]);
    }

    // A value said once is not said again in the same mail: the next sentences drop the optional
    // clauses that would repeat it ("…at Shopify. I'm curious about your role at Shopify…").
    private static void SpendValues(Dictionary<string, string?> values, IReadOnlyList<string> rendered)
    {
        var said = string.Join(' ', rendered);
        foreach (var field in SaidOnce)
        {
            if (values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) && Said(said, value.Trim()))
                values[field] = null;
        }
    }

    // The value as typed, or without its leading article: French merges "Le Devoir" into "au Devoir"
    // and "Les Affaires" into "des Affaires", so the name is what was said.
    private static bool Said(string said, string value)
    {
        if (said.Contains(value, StringComparison.OrdinalIgnoreCase)) return true;
        var article = LeadingArticle().Match(value);
        return article.Success && article.Length < value.Length && said.Contains(value[article.Length..], StringComparison.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:les|le|la|the)\s+|l['’])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LeadingArticle();

    private static readonly string[] SaidOnce = ["organisation", "role", "field", "city", "sharedContext", "school", "program"];

    // Subjects of 3–4 words do best: take the chosen wording if it renders to that length (a long
    // field name can push it over), else the next one, else the plain fallback.
    private string Subject(TemplateSlot slot, int chosen, Dictionary<string, string?> values, OutreachCheckContext context)
    {
        var count = templates.Variants(slot).Count;
        for (var i = 0; i < count; i++)
        {
            var subject = string.Join(' ', templates.Render(slot, chosen + i, values));
            var words = OutreachChecker.CountWords(subject);
            if (words is >= 3 and <= OutreachChecker.MaximumSubjectWords
                && !checker.Check(subject, "", context).Any(f => f.Part == DraftPart.Subject))
                return subject;
        }
        return string.Join(' ', templates.Render(TemplateSlots.OutreachSubjectFallback, 0, values));
    }

    private static Dictionary<string, string?> Values(OutreachRequest request)
    {
        var (sender, recipient) = (request.Sender, request.Recipient);
        var values = DraftValues.Email(sender, recipient);
        values["city"] = recipient.City;
        values["sharedContext"] = recipient.SharedContext;
        values["referrerName"] = request.Referrer?.FullName;
        values["referrerFirstName"] = request.Referrer?.FirstName;
        values["school"] = sender.School;
        values["program"] = sender.Program;
        return values;
    }
}

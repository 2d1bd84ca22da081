namespace OutlookInterviewAddin.Drafting;

/// <summary>Turns the user's own words into merge values that read well inside a sentence.</summary>
internal static class DraftValues
{
    /// <summary>The longest quote a mail carries in full; longer ones are shortened and marked.</summary>
    public const int LongestQuoteWords = 40;

    /// <summary>The length, in words, a long quote is shortened to.</summary>
    public const int ShortenedQuoteWords = 30;

    public static Dictionary<string, string?> Email(DraftSender sender, DraftRecipient recipient) =>
        new(StringComparer.Ordinal)
        {
            ["recipientFirstName"] = recipient.GreetingName,
            ["recipientName"] = recipient.FullName,
            ["senderName"] = sender.FullName,
            ["senderFirstName"] = sender.FirstName,
            ["organisation"] = recipient.Organisation,
            ["role"] = recipient.Role,
            ["field"] = string.IsNullOrWhiteSpace(recipient.Field)
                ? sender.FieldsOfInterest?.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f))
                : recipient.Field,
        };

    /// <summary>
    /// A quote of the user's note, whole, on one line and ending like a sentence; when it is longer
    /// than <see cref="LongestQuoteWords"/> words, its first words followed by the shortening mark.
    /// </summary>
    public static string Quote(string note, DraftText text)
    {
        var oneLine = string.Join(' ', note.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var words = oneLine.Split(' ');
        if (words.Length > LongestQuoteWords)
            return string.Join(' ', words.Take(ShortenedQuoteWords)).TrimEnd(',', ';', ':', '.') + text.Get("Text.Shortened");
        return EndsLikeASentence(oneLine) ? oneLine : oneLine + ".";
    }

    /// <summary>
    /// A phrase that continues a sentence ("I plan to {action}."): no final full stop, and a
    /// capitalised first word lowered unless it is a name-like word ("LinkedIn", "I").
    /// </summary>
    public static string? Clause(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
            return null;
        var trimmed = string.Join(' ', phrase.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', ';', ',');
        var firstWord = trimmed.Split(' ')[0];
        var lowerable = firstWord.Length > 1 && char.IsUpper(firstWord[0]) && firstWord.Skip(1).All(char.IsLower);
        return lowerable ? char.ToLowerInvariant(trimmed[0]) + trimmed[1..] : trimmed;
    }

    /// <summary>
    /// What the user means to do with a piece of advice, read from how they wrote it: their own
    /// sentence ("I've already signed up.") is kept as written; a phrase becomes a clause, marked
    /// <c>Done</c> when it is already in the past ("signed up for the hackathon"). "to" and "will"
    /// in front are dropped ("to apply" is "apply"). The words that tell are the language's
    /// (<c>Plan.*</c>: "Je", "J'" and "de", "je vais" in French).
    /// </summary>
    public static ActionPlan? Plan(string? action, DraftText text)
    {
        var oneLine = string.Join(' ', (action ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0)
            return null;
        var first = oneLine.Split(' ')[0].Replace('’', '\'');
        // "J'" stands for every elided start: "J'ai", "J'aimerais".
        if (text.Lines("Plan.OwnSentenceStarts").Any(start => start == first || (start.EndsWith('\'') && first.StartsWith(start, StringComparison.Ordinal))))
            return new ActionPlan(null, Done: false, char.ToUpperInvariant(oneLine[0]) + oneLine[1..] + (EndsLikeASentence(oneLine) ? "" : "."));
        var phrase = Clause(oneLine)!;
        foreach (var lead in text.Lines("Plan.Leads").Select(l => l + " "))
        {
            if (phrase.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && phrase.Length > lead.Length)
                phrase = phrase[lead.Length..];
        }
        var verb = phrase.Split(' ')[0].ToLower(text.Culture);
        var done = text.Lines("Plan.Past").Contains(verb, StringComparer.Ordinal)
            || (verb.Length > 4 && text.Lines("Plan.PastEndings").Any(e => verb.EndsWith(e, StringComparison.Ordinal))
                && !text.Lines("Plan.PresentExceptions").Contains(verb, StringComparer.Ordinal));
        return new ActionPlan(phrase, done, null);
    }

    /// <summary>"Ana", "Ana and Li", "Ana, Li and Sam", with the culture's joining words.</summary>
    public static string? JoinNames(IEnumerable<string>? names, DraftText text)
    {
        var list = (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => string.Join(text.Get("List.Separator"), list.Take(list.Count - 1)) + text.Get("List.LastSeparator") + list[^1],
        };
    }

    private static bool EndsLikeASentence(string value) => value.Length > 0 && ".!?…".Contains(value[^1], StringComparison.Ordinal);
}

/// <summary>A plan read from the user's words: a <paramref name="Phrase"/> for the wording, or their own <paramref name="Sentence"/>.</summary>
internal sealed record ActionPlan(string? Phrase, bool Done, string? Sentence);

/// <summary>The greeting, body and sign-off shape shared by the thank-you, follow-up and stay-in-touch mails.</summary>
internal static class EmailLayout
{
    public static Composition Build(string subject, IReadOnlyList<string> greeting, IEnumerable<IReadOnlyList<string>> bodyParagraphs,
        IReadOnlyList<string> signOff, DraftSender sender, IReadOnlyList<TextSpan>? closingSpans = null)
    {
        var blocks = new List<CompositionBlock> { ParagraphBlock.FromSentences(greeting) };
        foreach (var paragraph in bodyParagraphs.Where(p => p.Count > 0))
            blocks.Add(ParagraphBlock.FromSentences(paragraph));
        if (closingSpans is { Count: > 0 })
            blocks.Add(new ParagraphBlock(closingSpans));
        blocks.Add(ParagraphBlock.FromLines([.. signOff, .. sender.NameAndSignature]));
        return new Composition(subject, blocks);
    }
}

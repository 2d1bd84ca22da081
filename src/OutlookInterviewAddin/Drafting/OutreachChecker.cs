using System.Text.RegularExpressions;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Drafting;

/// <summary>The rules of thumb an outreach request is checked against (see docs/drafting.md).</summary>
public enum OutreachRule
{
    /// <summary>Over 75 words: no longer fits a phone screen without scrolling.</summary>
    OverPreferredLength,
    /// <summary>Over 100 words.</summary>
    OverMaximumLength,
    /// <summary>No question mark: the ask is not a question.</summary>
    AskNotAQuestion,
    /// <summary>A word that reads as asking for a job.</summary>
    JobSeekingWord,
    /// <summary>The first sentence does not say how the sender knows the person or who referred them.</summary>
    ConnectionNotFirst,
    /// <summary>More words about the sender than about the recipient.</summary>
    MoreAboutSender,
    /// <summary>A placeholder such as "{name}" or "[Company]" left in.</summary>
    Placeholder,
    /// <summary>A value that was left empty ("work at .", an empty subject).</summary>
    EmptyField,
    /// <summary>A subject longer than 4 words.</summary>
    SubjectTooLong,
    /// <summary>A referral whose subject does not carry the referrer's name.</summary>
    SubjectWithoutReferrer,
    /// <summary>A value or word said again in the very next sentence ("your work … your work").</summary>
    Repetition,
    /// <summary>Markup or code in the text ("&lt;img", "&lt;script"), usually from a name typed with it.</summary>
    Markup,
}

/// <summary>Which part of the mail a finding points into.</summary>
public enum DraftPart { Subject, Body }

/// <summary>One broken rule, where it is (character offsets into the subject or body), and why it matters (in the request's language).</summary>
public sealed record OutreachFinding(OutreachRule Rule, DraftPart Part, int Start, int Length, string Message);

/// <summary>
/// What the checker may know besides the text: the referrer (the connection and the subject must
/// name them) and names of the person's organisation, role and field (a role such as "Hiring Lead"
/// is not a request for a job).
/// </summary>
public sealed record OutreachCheckContext(string? ReferrerName = null, IReadOnlyList<string>? KnownNames = null);

/// <summary>
/// Checks any outreach text, the composer's or the user's own edits in the compose window, against
/// the product's rules. Pure and fast enough to run on every keystroke pause.
/// </summary>
public sealed partial class OutreachChecker
{
    // Declared first: the static English checker below builds its patterns through it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Phrases = new(StringComparer.Ordinal);

    public const int PreferredWords = 75;
    public const int MaximumWords = 100;
    public const int MaximumSubjectWords = 4;

    private readonly DraftText text;
    private readonly IReadOnlyList<Regex> jobWords;
    private readonly IReadOnlyList<Regex> connectionCues;
    private readonly IReadOnlyList<Regex> askCues;
    private readonly HashSet<string> senderWords;
    private readonly HashSet<string> recipientWords;
    private readonly HashSet<string> commonWords;

    public OutreachChecker(DraftText text)
    {
        this.text = text;
        // Longest first, so "job opening" is reported once rather than as "job" and "opening".
        jobWords = [.. text.Lines("Check.JobWords").OrderByDescending(p => p.Length).Select(PhrasePattern)];
        connectionCues = [.. text.Lines("Check.ConnectionCues").Select(PhrasePattern)];
        askCues = [.. text.Lines("Check.AskCues").Select(PhrasePattern)];
        senderWords = new HashSet<string>(text.Lines("Check.SenderWords").Select(NormalizeWord), StringComparer.OrdinalIgnoreCase);
        recipientWords = new HashSet<string>(text.Lines("Check.RecipientWords").Select(NormalizeWord), StringComparer.OrdinalIgnoreCase);
        commonWords = new HashSet<string>(text.Lines("Check.CommonWords").Select(NormalizeWord), StringComparer.OrdinalIgnoreCase);
    }

    public static OutreachChecker English { get; } = new(DraftText.English);

    private static readonly OutreachChecker French = new(new DraftText(DraftLanguages.Culture(DraftLanguage.Fr)));

    /// <summary>The checker for text in a language: its job words, cues and pronouns. Its messages are in the reader's language (<see cref="ApiText"/>), whatever the text's.</summary>
    public static OutreachChecker For(DraftLanguage language) => language == DraftLanguage.Fr ? French : English;

    /// <summary>Every rule the subject and body break, in the order they appear.</summary>
    public IReadOnlyList<OutreachFinding> Check(string subject, string body, OutreachCheckContext? context = null)
    {
        subject ??= "";
        body ??= "";
        context ??= new OutreachCheckContext();
        var findings = new List<OutreachFinding>();
        var exempt = KnownNameSpans(body, context);
        // A signature under the sign-off ("Best,\nMaya\nPhone …") is not part of the message: the
        // length and balance rules stop at the sign-off line and the name under it.
        var messageEnd = MessageEnd(body);
        var sentences = Sentences(body).Where(s => s.Start < messageEnd).ToList();
        var words = WordPattern().Matches(body[..messageEnd]);

        // Length: the stricter rule is advice, the looser one a problem; report the one that applies.
        if (words.Count > MaximumWords)
            findings.Add(Finding(OutreachRule.OverMaximumLength, DraftPart.Body, words[MaximumWords].Index, messageEnd - words[MaximumWords].Index,
                ApiText.Format("Check.OverMaximumLength", words.Count)));
        else if (words.Count > PreferredWords)
            findings.Add(Finding(OutreachRule.OverPreferredLength, DraftPart.Body, words[PreferredWords].Index, messageEnd - words[PreferredWords].Index,
                ApiText.Format("Check.OverPreferredLength", words.Count)));

        // The ask is a sentence about minutes, a call, coffee…; one of them must be a question. Without
        // such a sentence, the text needs at least one question somewhere.
        var asks = sentences.Where(s => !s.IsGreeting && askCues.Any(cue => cue.IsMatch(s.Text))).ToList();
        if (asks.Count > 0 && !asks.Any(s => s.IsQuestion))
            findings.Add(Finding(OutreachRule.AskNotAQuestion, DraftPart.Body, asks[0].Start, asks[0].Text.Length, ApiText.Get("Check.NoQuestion")));
        else if (asks.Count == 0 && !body.Contains('?', StringComparison.Ordinal) && body.Trim().Length > 0)
            findings.Add(Finding(OutreachRule.AskNotAQuestion, DraftPart.Body, body.Length, 0, ApiText.Get("Check.NoQuestion")));

        var reported = new List<(int Start, int End)>();
        foreach (var pattern in jobWords)
        {
            foreach (Match match in pattern.Matches(body))
            {
                if (Overlaps(exempt, match.Index, match.Length) || Overlaps(reported, match.Index, match.Length))
                    continue;
                reported.Add((match.Index, match.Index + match.Length));
                findings.Add(Finding(OutreachRule.JobSeekingWord, DraftPart.Body, match.Index, match.Length, ApiText.Format("Check.JobWord", match.Value)));
            }
        }

        CheckConnection(sentences, context, findings);
        CheckBalance(sentences, findings);
        CheckRepetition(sentences, context, findings);
        CheckPlaceholders(body, DraftPart.Body, exempt, findings);
        CheckSubject(subject, context, findings);

        return [.. findings.OrderBy(f => f.Part).ThenBy(f => f.Start)];
    }

    /// <summary>
    /// The rules that hold for every mail, not only requests (a thank-you, a follow-up): no
    /// placeholder, no gap, no markup.
    /// </summary>
    public IReadOnlyList<OutreachFinding> CheckAnyMail(string subject, string body, OutreachCheckContext? context = null)
    {
        context ??= new OutreachCheckContext();
        var findings = new List<OutreachFinding>();
        CheckPlaceholders(body ?? "", DraftPart.Body, KnownNameSpans(body ?? "", context), findings);
        if ((subject ?? "").Trim().Length == 0)
            findings.Add(Finding(OutreachRule.EmptyField, DraftPart.Subject, 0, 0, ApiText.Get("Check.EmptySubject")));
        else
            CheckPlaceholders(subject!, DraftPart.Subject, KnownNameSpans(subject!, context), findings);
        return [.. findings.OrderBy(f => f.Part).ThenBy(f => f.Start)];
    }

    /// <summary>The words of the message itself, greeting to sign-off and name, without the signature under it.</summary>
    public static int MessageWords(string body) => CountWords(body[..MessageEnd(body)]);

    /// <summary>Counts words the way the length rules do: "I'm", "15–30" and "O'Brien-Nguyen" are one word each.</summary>
    public static int CountWords(string value) => WordPattern().Count(value);

    // The end of the line after the last short "Best," / "Warm regards," line (the sender's name),
    // or the end of the body when there is no sign-off.
    private static int MessageEnd(string body)
    {
        // Only after the message has begun: "Hi Zoë," is a greeting, not a sign-off.
        var signOff = SignOffLine().Matches(body)
            .LastOrDefault(m => CountWords(m.Value) <= 3 && body.AsSpan(0, m.Index).IndexOfAny(".?!") >= 0);
        if (signOff is null)
            return body.Length;
        var nameStart = signOff.Index + signOff.Length;
        while (nameStart < body.Length && char.IsWhiteSpace(body[nameStart]))
            nameStart++;
        var nameEnd = body.IndexOf('\n', nameStart);
        return nameEnd < 0 ? body.Length : nameEnd;
    }

    private void CheckConnection(IReadOnlyList<Sentence> sentences, OutreachCheckContext context, List<OutreachFinding> findings)
    {
        var first = sentences.FirstOrDefault(s => !s.IsGreeting);
        if (first is null)
            return;
        if (!string.IsNullOrWhiteSpace(context.ReferrerName))
        {
            var referrer = context.ReferrerName.Trim();
            var referrerFirst = referrer.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            if (!first.Text.Contains(referrer, StringComparison.OrdinalIgnoreCase) && !PhrasePattern(referrerFirst).IsMatch(first.Text))
                findings.Add(Finding(OutreachRule.ConnectionNotFirst, DraftPart.Body, first.Start, first.Text.Length,
                    ApiText.Format("Check.ReferrerNotFirst", referrer)));
            return;
        }
        if (!connectionCues.Any(cue => cue.IsMatch(first.Text)))
            findings.Add(Finding(OutreachRule.ConnectionNotFirst, DraftPart.Body, first.Start, first.Text.Length, ApiText.Get("Check.ConnectionNotFirst")));
    }

    // A sentence is about the sender when it has more first-person words than second-person ones,
    // and about the recipient in the opposite case; ties ("I read your article") count for neither.
    private void CheckBalance(IReadOnlyList<Sentence> sentences, List<OutreachFinding> findings)
    {
        int aboutSender = 0, aboutRecipient = 0;
        Sentence? firstSenderSentence = null;
        foreach (var sentence in sentences)
        {
            var words = WordPattern().Matches(sentence.Text).Select(m => NormalizeWord(m.Value)).ToList();
            var mine = words.Count(w => IsPersonWord(senderWords, w));
            var yours = words.Count(w => IsPersonWord(recipientWords, w));
            if (mine > yours)
            {
                aboutSender += words.Count;
                firstSenderSentence ??= sentence;
            }
            else if (yours > mine)
                aboutRecipient += words.Count;
        }
        if (aboutSender > aboutRecipient && firstSenderSentence is not null)
            findings.Add(Finding(OutreachRule.MoreAboutSender, DraftPart.Body, firstSenderSentence.Start, firstSenderSentence.Text.Length,
                ApiText.Format("Check.MoreAboutSender", aboutSender, aboutRecipient)));
    }

    // A merged value, or a word that carries meaning, in two sentences in a row reads as a template.
    private void CheckRepetition(IReadOnlyList<Sentence> sentences, OutreachCheckContext context, List<OutreachFinding> findings)
    {
        var body = sentences.Where(s => !s.IsGreeting).ToList();
        var values = (context.KnownNames ?? []).Where(v => v.Trim().Length > 2).ToList();
        for (var i = 1; i < body.Count; i++)
        {
            var (before, sentence) = (body[i - 1], body[i]);
            var repeated = values.FirstOrDefault(v => Contains(before.Text, v) && Contains(sentence.Text, v))
                ?? MeaningfulWords(WithoutValues(sentence.Text, values)).Intersect(MeaningfulWords(WithoutValues(before.Text, values)), StringComparer.OrdinalIgnoreCase).FirstOrDefault();
            if (repeated is null)
                continue;
            var at = sentence.Text.IndexOf(repeated, StringComparison.OrdinalIgnoreCase);
            findings.Add(Finding(OutreachRule.Repetition, DraftPart.Body, sentence.Start + Math.Max(0, at), at < 0 ? sentence.Text.Length : repeated.Length,
                ApiText.Format("Check.Repetition", repeated)));
        }

        static bool Contains(string sentence, string value) => PhrasePattern(value).IsMatch(sentence);

        // Words inside a known value ("data" in "data science" and "Senior Data Analyst") are the value's, not a repetition.
        static string WithoutValues(string sentence, IEnumerable<string> values) =>
            values.Aggregate(sentence, (text, value) => PhrasePattern(value).Replace(text, " "));
    }

    // Pairs of neighbouring words with at least one word that carries meaning: "your work", "to hear".
    private IEnumerable<string> MeaningfulWords(string sentence)
    {
        var words = WordPattern().Matches(sentence).Select(m => NormalizeWord(m.Value)).ToList();
        for (var i = 1; i < words.Count; i++)
        {
            if (Meaningful(words[i - 1]) || Meaningful(words[i]))
                yield return words[i - 1] + " " + words[i];
        }
    }

    // A pronoun elided before a vowel ("j'ai", "t'écrire") counts as the pronoun ("j'", "t'") when the language
    // lists it so, and so does one joined to its verb in a question ("Auriez-vous", "Aurais-tu").
    private static bool IsPersonWord(HashSet<string> pronouns, string word)
    {
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        var hyphen = word.LastIndexOf('-');
        return pronouns.Contains(word) || (apostrophe > 0 && pronouns.Contains(word[..(apostrophe + 1)]))
            || (hyphen > 0 && pronouns.Contains(word[(hyphen + 1)..]));
    }

    private bool Meaningful(string word) =>
        word.Length >= 4 && !commonWords.Contains(word) && !senderWords.Contains(word) && !recipientWords.Contains(word) && !word.Any(char.IsDigit);

    private static void CheckPlaceholders(string value, DraftPart part, IReadOnlyList<(int Start, int End)> exempt, List<OutreachFinding> findings)
    {
        var markup = new List<(int Start, int End)>();
        foreach (Match match in MarkupPattern().Matches(value))
        {
            markup.Add((match.Index, match.Index + match.Length));
            findings.Add(Finding(OutreachRule.Markup, part, match.Index, match.Length, ApiText.Format("Check.Markup", match.Value)));
        }
        foreach (Match match in PlaceholderPattern().Matches(value))
        {
            if (!Overlaps(exempt, match.Index, match.Length) && !Overlaps(markup, match.Index, match.Length))
                findings.Add(Finding(OutreachRule.Placeholder, part, match.Index, match.Length, ApiText.Format("Check.Placeholder", match.Value)));
        }
        foreach (Match match in EmptyFieldPattern().Matches(value))
        {
            if (!Overlaps(exempt, match.Index, match.Length))
                findings.Add(Finding(OutreachRule.EmptyField, part, match.Index, match.Length, ApiText.Format("Check.EmptyField", match.Value.Trim())));
        }
    }

    private static void CheckSubject(string subject, OutreachCheckContext context, List<OutreachFinding> findings)
    {
        if (subject.Trim().Length == 0)
        {
            findings.Add(Finding(OutreachRule.EmptyField, DraftPart.Subject, 0, subject.Length, ApiText.Get("Check.EmptySubject")));
            return;
        }
        var words = WordPattern().Matches(subject);
        if (words.Count > MaximumSubjectWords)
            findings.Add(Finding(OutreachRule.SubjectTooLong, DraftPart.Subject, words[MaximumSubjectWords].Index,
                subject.Length - words[MaximumSubjectWords].Index, ApiText.Format("Check.SubjectTooLong", words.Count)));
        CheckPlaceholders(subject, DraftPart.Subject, KnownNameSpans(subject, context), findings);
        if (!string.IsNullOrWhiteSpace(context.ReferrerName))
        {
            var referrer = context.ReferrerName.Trim();
            var names = referrer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!names.Any(name => PhrasePattern(name).IsMatch(subject)))
                findings.Add(Finding(OutreachRule.SubjectWithoutReferrer, DraftPart.Subject, 0, subject.Length,
                    ApiText.Format("Check.SubjectWithoutReferrer", referrer)));
        }
    }

    private static OutreachFinding Finding(OutreachRule rule, DraftPart part, int start, int length, string message) =>
        new(rule, part, start, length, message);

    private static List<(int Start, int End)> KnownNameSpans(string value, OutreachCheckContext context)
    {
        var spans = new List<(int, int)>();
        foreach (var name in (context.KnownNames ?? []).Append(context.ReferrerName))
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            var trimmed = name.Trim();
            for (var at = value.IndexOf(trimmed, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = value.IndexOf(trimmed, at + trimmed.Length, StringComparison.OrdinalIgnoreCase))
                spans.Add((at, at + trimmed.Length));
        }
        return spans;
    }

    private static bool Overlaps(IReadOnlyList<(int Start, int End)> spans, int start, int length) =>
        spans.Any(span => start < span.End && start + length > span.Start);

    // Names and values recur in every check of every draft: their patterns are built once.
    private static Regex PhrasePattern(string phrase) => Phrases.Count < 10_000 ? Phrases.GetOrAdd(phrase, BuildPhrasePattern) : BuildPhrasePattern(phrase);

    private static Regex BuildPhrasePattern(string phrase)
    {
        var words = phrase.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Regex.Escape(w).Replace("'", "['’]", StringComparison.Ordinal));
        return new Regex(@"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string NormalizeWord(string word) => word.Replace('’', '\'');

    /// <summary>
    /// Splits a body into sentences with their offsets: at ". ", "? ", "! " (closing quotes kept with
    /// the sentence) and at line ends. A short first line ending in a comma is the greeting.
    /// </summary>
    private static List<Sentence> Sentences(string body)
    {
        var sentences = new List<Sentence>();
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i]))
                i++;
            if (i >= body.Length)
                break;
            var start = i;
            while (i < body.Length && body[i] != '\n')
            {
                if (".!?…".Contains(body[i], StringComparison.Ordinal) && !EndsWithAbbreviation(body, start, i))
                {
                    var end = i + 1;
                    while (end < body.Length && ".!?…”\"’)".Contains(body[end], StringComparison.Ordinal))
                        end++;
                    if (end >= body.Length || char.IsWhiteSpace(body[end]))
                    {
                        i = end;
                        break;
                    }
                }
                i++;
            }
            var sentence = body[start..i].TrimEnd();
            var wholeLine = (start == 0 || body[start - 1] == '\n') && (i >= body.Length || body[i] == '\n');
            var isGreeting = sentences.Count == 0 && CountWords(sentence) <= 5 && (sentence.EndsWith(',') || (wholeLine && CountWords(sentence) <= 4));
            sentences.Add(new Sentence(start, sentence, isGreeting));
        }
        return sentences;
    }

    // "Dr." in "Dear Dr. Okafor," does not end a sentence.
    private static bool EndsWithAbbreviation(string body, int start, int dot)
    {
        if (body[dot] != '.')
            return false;
        var wordStart = dot;
        while (wordStart > start && char.IsLetter(body[wordStart - 1]))
            wordStart--;
        return Abbreviations.Contains(body[wordStart..dot]);
    }

    private static readonly HashSet<string> Abbreviations = new(["Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Jr", "Sr", "Rev", "Hon", "M", "Mme", "Mlle", "Dre", "Pr"], StringComparer.Ordinal);

    private sealed record Sentence(int Start, string Text, bool IsGreeting)
    {
        public bool IsQuestion => Text.TrimEnd('”', '"', '’', ')', ' ').EndsWith('?');
    }

    [GeneratedRegex(@"(?<=\n)[ \t]*\p{L}[\p{L} ]{1,30},[ \t]*(?=\r?\n)")]
    private static partial Regex SignOffLine();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    // {name}, {{name}}, [Company], <Name>, %NAME%, <<name>>, XXX, TODO, TBD and blanks of underscores.
    [GeneratedRegex(@"\{+[^{}\n]*\}+|\[[^\[\]\n]{1,40}\]|<<[^<>\n]*>>|<[A-Za-z][A-Za-z _-]{0,30}>|%[A-Za-z_]+%|(?<![\p{L}\p{N}])(?:XX+|xx+|TODO|TBD|FIXME)(?![\p{L}\p{N}])|_{3,}")]
    private static partial Regex PlaceholderPattern();

    // "<img", "</b", "<script", "<!--", "javascript:": what a browser would read as markup or code.
    // A "<Name>" placeholder is reported as a placeholder instead.
    [GeneratedRegex(@"</?(?:script|img|iframe|svg|style|object|embed|link|meta|body|html|form|input|a|b|i|u|p|div|span|br)(?![A-Za-z0-9])|</?[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9 _-]{0,30}>)|<!--|\bjavascript:", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();

    // A gap left by an empty value: "work at .", "Hi ,", "()", "“”", ", ,".
    [GeneratedRegex(@"(?<=[\p{L}\p{N}])[ \t]+[,.](?=\s|$)|^[ \t]*,|\(\s*\)|“\s*”|«\s*»|""\s*""|,\s*,", RegexOptions.Multiline)]
    private static partial Regex EmptyFieldPattern();
}

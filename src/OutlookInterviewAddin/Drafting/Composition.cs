using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// What a composer produces: a subject and ordered blocks. The same composition renders to plain
/// text (for the outreach checker, Graph's text bodies and the pane's preview) and to HTML (mail and
/// invite bodies), so the two forms can never say different things.
/// </summary>
public sealed record Composition(string Subject, IReadOnlyList<CompositionBlock> Blocks)
{
    // Accented names stay readable in the HTML source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The body as plain text: blocks separated by a blank line.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (text.Length > 0)
                text.Append("\n\n");
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append(heading.Text);
                    break;
                case ParagraphBlock paragraph:
                    foreach (var span in paragraph.Spans)
                    {
                        if (span.LineBreakBefore)
                            text.Append('\n');
                        text.Append(span.Text);
                        if (span.Link is not null && span.Link.AbsoluteUri != span.Text && span.Link.OriginalString != span.Text)
                            text.Append(" (").Append(span.Link.AbsoluteUri).Append(')');
                    }
                    break;
                case ListBlock list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (i > 0)
                            text.Append('\n');
                        text.Append(list.Numbered ? $"{i + 1}. " : "- ").Append(list.Items[i]);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The body as an HTML fragment; every piece of text is encoded, links are http(s) only.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var tag = heading.Level <= 1 ? "h2" : "h3";
                    html.Append('<').Append(tag).Append('>').Append(Encoder.Encode(heading.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case ParagraphBlock paragraph:
                    html.Append(paragraph.Emphasis ? "<p><strong>" : "<p>");
                    foreach (var span in paragraph.Spans)
                    {
                        if (span.LineBreakBefore)
                            html.Append("<br>");
                        if (span.Link is not null)
                            html.Append("<a href=\"").Append(Encoder.Encode(span.Link.AbsoluteUri)).Append("\">")
                                .Append(Encoder.Encode(span.Text)).Append("</a>");
                        else
                            html.Append(Encoder.Encode(span.Text));
                    }
                    html.Append(paragraph.Emphasis ? "</strong></p>\n" : "</p>\n");
                    break;
                case ListBlock list:
                    var listTag = list.Numbered ? "ol" : "ul";
                    html.Append('<').Append(listTag).Append('>');
                    foreach (var item in list.Items)
                        html.Append("<li>").Append(Encoder.Encode(item)).Append("</li>");
                    html.Append("</").Append(listTag).Append(">\n");
                    break;
            }
        }
        return html.ToString();
    }
}

/// <summary>One block of a composition.</summary>
public abstract record CompositionBlock;

/// <summary>A heading (level 1 or 2).</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : CompositionBlock;

/// <summary>A paragraph made of spans; sentences are spans separated by spaces.</summary>
public sealed record ParagraphBlock(IReadOnlyList<TextSpan> Spans, bool Emphasis = false) : CompositionBlock
{
    /// <summary>A paragraph of sentences joined by single spaces.</summary>
    public static ParagraphBlock FromSentences(IEnumerable<string> sentences, bool emphasis = false) =>
        new([new TextSpan(string.Join(' ', sentences))], emphasis);

    /// <summary>A paragraph of lines (a sign-off and name, an address).</summary>
    public static ParagraphBlock FromLines(IEnumerable<string> lines) =>
        new([.. lines.Select((line, i) => new TextSpan(line, LineBreakBefore: i > 0))]);
}

/// <summary>A numbered or bulleted list.</summary>
public sealed record ListBlock(IReadOnlyList<string> Items, bool Numbered = true) : CompositionBlock;

/// <summary>Text, optionally a link. Links are accepted only as absolute http or https URLs.</summary>
public sealed record TextSpan(string Text, Uri? Link = null, bool LineBreakBefore = false)
{
    public Uri? Link { get; } = Link is null || IsSafeLink(Link)
        ? Link
        : throw new ArgumentException("Only absolute http or https links can be emitted.", nameof(Link));

    /// <summary>True for absolute http(s) URLs: javascript:, data: and relative links never reach a body.</summary>
    public static bool IsSafeLink(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Parses user text into a safe link, or null when it is not one.</summary>
    public static Uri? TryParseLink(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && IsSafeLink(uri)
            ? uri
            : null;
}

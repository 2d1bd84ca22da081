using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OutlookInterviewAddin.Mail;

/// <summary>
/// A body the user edited in the pane, rebuilt from an allow-list: paragraphs, line breaks,
/// emphasis, lists, headings and http(s)/mailto links survive; every attribute but a link's href
/// is dropped; script, style and embedded content vanish with their content; text is re-encoded.
/// The result is what reaches the mailbox, and its plain text is what the outreach checker reads.
/// </summary>
public sealed record EditedBody(string Html, string Text)
{
    public const int MaxLength = 100_000;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "div",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "head", "title", "link", "meta", "form", "input", "button", "textarea", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "ul", "ol", "h2", "h3", "h4", "blockquote" };

    public static EditedBody From(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        var output = new StringBuilder();
        var text = new StringBuilder();
        foreach (var node in body.ChildNodes) Write(node, output, text);
        return new EditedBody(output.ToString().Trim(), Normalise(text.ToString()));
    }

    private static void Write(INode node, StringBuilder html, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                html.Append(Encoder.Encode(t.Data));
                text.Append(t.Data);
                break;
            case IElement e when Dropped.Contains(e.LocalName):
                break;
            case IElement e when e.LocalName == "br":
                html.Append("<br>");
                text.Append('\n');
                break;
            case IElement e when Kept.Contains(e.LocalName):
                var tag = e.LocalName.ToLowerInvariant() switch { "b" => "strong", "i" => "em", var other => other };
                var href = tag == "a" ? SafeHref(e.GetAttribute("href")) : null;
                if (tag == "a" && href is null)
                {
                    foreach (var child in e.ChildNodes) Write(child, html, text);
                    break;
                }
                if (Blocks.Contains(tag)) text.Append("\n\n");
                if (tag == "li") text.Append("\n- ");
                html.Append('<').Append(tag);
                if (href is not null) html.Append(" href=\"").Append(Encoder.Encode(href)).Append('"');
                html.Append('>');
                foreach (var child in e.ChildNodes) Write(child, html, text);
                html.Append("</").Append(tag).Append('>');
                if (Blocks.Contains(tag)) text.Append("\n\n");
                break;
            case IElement e:
                // Unknown wrappers (span, font, table cells) keep their text, not themselves.
                foreach (var child in e.ChildNodes) Write(child, html, text);
                if (e.LocalName is "tr" or "table") text.Append('\n');
                break;
        }
    }

    private static string? SafeHref(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto ? uri.AbsoluteUri : null;
    }

    // Paragraphs separated by one blank line, no run of spaces, as the composers' plain text reads.
    private static string Normalise(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blank++; continue; }
            if (result.Length > 0) result.Append(blank > 0 ? "\n\n" : "\n");
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }
}

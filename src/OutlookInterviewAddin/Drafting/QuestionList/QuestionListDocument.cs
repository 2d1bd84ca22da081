using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OutlookInterviewAddin.Drafting.QuestionList;

/// <summary>
/// Writes a composition as a Word document: headings as Heading 1/2 (so phones show an outline),
/// list items as numbered paragraphs, links as hyperlinks. Numbers are written into the text rather
/// than through Word's numbering definitions, so every viewer (including previewers that ignore
/// numbering) shows the same numbers as the invite body.
/// </summary>
internal static class QuestionListDocument
{
    public static byte[] Write(Composition composition)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(HeadingStyle("Heading1", "heading 1", "32"), HeadingStyle("Heading2", "heading 2", "26"));

            var body = new Body();
            foreach (var block in composition.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        body.Append(new Paragraph(
                            new ParagraphProperties(new ParagraphStyleId { Val = heading.Level <= 1 ? "Heading1" : "Heading2" }),
                            TextRun(heading.Text)));
                        break;
                    case ParagraphBlock paragraph:
                        var p = new Paragraph();
                        foreach (var span in paragraph.Spans)
                        {
                            if (span.LineBreakBefore)
                                p.Append(new Run(new Break()));
                            if (span.Link is not null)
                            {
                                var relation = main.AddHyperlinkRelationship(span.Link, isExternal: true);
                                p.Append(new Hyperlink(TextRun(span.Text, underline: true)) { Id = relation.Id });
                            }
                            else
                                p.Append(TextRun(span.Text, bold: paragraph.Emphasis));
                        }
                        body.Append(p);
                        break;
                    case ListBlock list:
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            body.Append(new Paragraph(
                                new ParagraphProperties(new Indentation { Left = "360", Hanging = "360" }),
                                TextRun((list.Numbered ? $"{i + 1}. " : "• ") + list.Items[i])));
                        }
                        break;
                }
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    // Run properties have a fixed order in the schema (b before color before u); Word repairs a
    // document that breaks it, and stricter readers refuse it.
    private static Run TextRun(string value, bool bold = false, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (underline)
            properties.Append(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single });
        return new Run(properties, new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Style HeadingStyle(string id, string name, string halfPoints) =>
        new(new StyleName { Val = name },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }))
        { Type = StyleValues.Paragraph, StyleId = id };

    // Control characters pasted into notes are not allowed in XML; the document must still open.
    private static string XmlSafe(string value) =>
        value.Any(c => char.IsControl(c) && c != '\t') ? new string([.. value.Where(c => !char.IsControl(c) || c == '\t')]) : value;
}

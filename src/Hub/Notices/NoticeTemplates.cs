using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Notices;

/// <summary>Fills a notice's templates; a slot a template names but notices lack is a configuration error, found at start.</summary>
public sealed partial class NoticeTemplates
{
    public static readonly IReadOnlySet<string> Slots = new HashSet<string> { "DossierCode", "DueDate", "Reason", "HowToReceive", "PaymentReference" };

    // Vietnamese letters stay letters; only what HTML gives meaning to is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly NoticeOptions _options;

    public NoticeTemplates(IOptions<NoticeOptions> options)
    {
        _options = options.Value;
        foreach (var (key, template) in _options.Templates.Select(t => ($"Templates:{t.Key}", t.Value))
                     .Concat(_options.EmailTemplates.Select(t => ($"EmailTemplates:{t.Key}", t.Value)))
                     .Concat(_options.EmailSubjects.Select(t => ($"EmailSubjects:{t.Key}", t.Value))))
        {
            if (SlotPattern().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(s => !Slots.Contains(s)) is { } unknown)
            {
                throw new OptionsValidationException(NoticeOptions.SectionName, typeof(NoticeOptions),
                    [$"{key} names the slot {{{unknown}}}; the slots are {string.Join(", ", Slots.Select(s => $"{{{s}}}"))}"]);
            }
        }
    }

    /// <summary>An e-mail's subject and its two bodies.</summary>
    public sealed record Email(string Subject, string Text, string Html);

    /// <returns>Null when no template is configured for the event (the notice is not sent).</returns>
    public string? Render(NoticeEvent notice, IReadOnlyDictionary<string, string> values) =>
        _options.Templates.TryGetValue(notice, out var template) ? Fill(template, values) : null;

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        SlotPattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value, ""));

    /// <returns>Null when the event has no e-mail subject, or neither an e-mail nor an SMS template (no e-mail is sent).</returns>
    public Email? RenderEmail(NoticeContent content)
    {
        if (!_options.EmailSubjects.TryGetValue(content.Event, out var subject)
            || (_options.EmailTemplates.TryGetValue(content.Event, out var own) ? Fill(own, content.Values) : Render(content.Event, content.Values)) is not { } message)
        {
            return null;
        }
        var text = new StringBuilder(message).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>")
            .Append(Html.Encode(message)).Append("</p>");
        if (content.Results.Count > 0)
        {
            text.Append("Tải kết quả điện tử:\n");
            html.Append("<p>Tải kết quả điện tử:</p><ul>");
            foreach (var result in content.Results)
            {
                text.Append("- ").Append(result.Name).Append(": ").Append(result.Url).Append('\n');
                html.Append("<li><a href=\"").Append(Html.Encode(result.Url)).Append("\">").Append(Html.Encode(result.Name)).Append("</a></li>");
            }
            text.Append('\n');
            html.Append("</ul>");
        }
        text.Append(_options.EmailFooter).Append('\n');
        html.Append("<p><small>").Append(Html.Encode(_options.EmailFooter)).Append("</small></p></body></html>");
        return new Email(Fill(subject, content.Values), text.ToString(), html.ToString());
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex SlotPattern();
}

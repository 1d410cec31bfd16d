using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Notices;

/// <summary>Fills a notice's template; a slot the template names but the notice lacks is a configuration error, found at start.</summary>
public sealed partial class NoticeTemplates
{
    public static readonly IReadOnlySet<string> Slots = new HashSet<string> { "DossierCode", "DueDate", "Reason", "HowToReceive", "PaymentReference" };

    private readonly NoticeOptions _options;

    public NoticeTemplates(IOptions<NoticeOptions> options)
    {
        _options = options.Value;
        foreach (var (notice, template) in _options.Templates)
        {
            if (SlotPattern().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(s => !Slots.Contains(s)) is { } unknown)
            {
                throw new OptionsValidationException(NoticeOptions.SectionName, typeof(NoticeOptions),
                    [$"Templates:{notice} names the slot {{{unknown}}}; the slots are {string.Join(", ", Slots.Select(s => $"{{{s}}}"))}"]);
            }
        }
    }

    /// <returns>Null when no template is configured for the event (the notice is not sent).</returns>
    public string? Render(NoticeEvent notice, IReadOnlyDictionary<string, string> values) =>
        _options.Templates.TryGetValue(notice, out var template)
            ? SlotPattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value, ""))
            : null;

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex SlotPattern();
}

using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Puts a registry's facts next to what the agency gave: empty fields are filled (and their source
/// recorded), given ones are kept and, where the registry holds something else, listed as mismatches.
/// Field names are the wire's <c>Applicant</c> fields.
/// </summary>
public static class ApplicantFields
{
    public static (Applicant Applicant, ApplicantCheck Check) Merge(Applicant given, CitizenFacts facts, RegistrySource source, DateTimeOffset now)
    {
        var merger = new Merger(source);
        var applicant = given with
        {
            Sex = merger.Field("sex", given.Sex, facts.Sex, (a, b) => a == b),
            Nationality = merger.Text("nationality", given.Nationality, facts.Nationality),
            PermanentAddress = merger.Text("permanent_address", given.PermanentAddress, facts.PermanentAddress),
            Address = merger.Text("address", given.Address, facts.CurrentAddress),
        };
        return (applicant, merger.Check(now));
    }

    public static (Applicant Applicant, ApplicantCheck Check) Merge(Applicant given, EnterpriseFacts facts, RegistrySource source, DateTimeOffset now)
    {
        var merger = new Merger(source);
        var applicant = given with
        {
            Name = merger.Text("name", given.Name, facts.Name),
            Address = merger.Text("address", given.Address, facts.Address),
            LegalForm = merger.Text("legal_form", given.LegalForm, facts.LegalForm),
            OperatingStatus = merger.Text("operating_status", given.OperatingStatus, facts.OperatingStatus),
            LegalRepresentative = merger.Text("legal_representative", given.LegalRepresentative, facts.LegalRepresentative),
        };
        return (applicant, merger.Check(now));
    }

    /// <summary>The fields a registry can fill that the agency left empty.</summary>
    public static IReadOnlyList<string> Missing(Applicant applicant) => applicant.Kind == ApplicantKind.Citizen
        ? Names(("sex", applicant.Sex is null), ("nationality", applicant.Nationality is null), ("permanent_address", applicant.PermanentAddress is null), ("address", applicant.Address is null))
        : Names(("name", applicant.Name is null), ("address", applicant.Address is null), ("legal_form", applicant.LegalForm is null),
            ("operating_status", applicant.OperatingStatus is null), ("legal_representative", applicant.LegalRepresentative is null));

    private static string[] Names(params (string Name, bool Missing)[] fields) => [.. fields.Where(f => f.Missing).Select(f => f.Name)];

    private sealed class Merger(RegistrySource source)
    {
        private readonly List<FilledField> _filled = [];
        private readonly List<FieldMismatch> _mismatches = [];

        public string? Text(string field, string? given, string? registry) => Field(field, given, registry, PersonalText.Same);

        public T? Field<T>(string field, T? given, T? registry, Func<T, T, bool> same)
        {
            if (registry is null)
            {
                return given;
            }
            if (given is null)
            {
                _filled.Add(new FilledField(field, source));
                return registry;
            }
            if (!same(given, registry))
            {
                _mismatches.Add(new FieldMismatch(field, given.ToString()!, registry.ToString()!, source));
            }
            return given;
        }

        public ApplicantCheck Check(DateTimeOffset now) => new(ApplicantCheckState.Verified, now, _filled, _mismatches);
    }
}

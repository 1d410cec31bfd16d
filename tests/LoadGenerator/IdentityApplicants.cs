using IntegrationHub.Sandbox.Registries;
using IntegrationHub.V1;

namespace IntegrationHub.LoadGenerator;

/// <summary>
/// Applicants named by identity only, drawn from the sandbox's data set (the same seed, so the simulated
/// registries know them): four in five citizens, one in five enterprises. A share of dossiers is for an
/// applicant who already had one, as people come back for a second procedure.
/// </summary>
public sealed class IdentityApplicants(double repeatRate)
{
    private readonly RegistryDataSet _data = new();
    private int _citizensUsed;
    private int _enterprisesUsed;

    public Applicant Next()
    {
        if (Random.Shared.Next(5) == 0)
        {
            var enterprise = _data.Enterprises[Pick(ref _enterprisesUsed, _data.Enterprises.Count)];
            return new Applicant { Kind = ApplicantKind.Business, IdNumber = enterprise.MaSoDoanhNghiep };
        }
        var citizen = _data.Citizens[Pick(ref _citizensUsed, _data.Citizens.Count)];
        return new Applicant
        {
            Kind = ApplicantKind.Citizen,
            IdNumber = citizen.SoDinhDanh,
            Name = citizen.HoVaTen,
            BirthDate = $"{citizen.NgaySinh[..4]}-{citizen.NgaySinh[4..6]}-{citizen.NgaySinh[6..]}",
        };
    }

    /// <summary>Someone seen before (with the repeat rate), else the next one not yet seen.</summary>
    private int Pick(ref int used, int count)
    {
        var seen = Volatile.Read(ref used);
        return seen > 0 && Random.Shared.NextDouble() < repeatRate
            ? Random.Shared.Next(Math.Min(seen, count))
            : (Interlocked.Increment(ref used) - 1) % count;
    }
}

using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>Reads an applicant by kind: a citizen's identity is checked against its number, a business by its enterprise code.</summary>
public sealed class ApplicantReader(RequestReader common)
{
    public Applicant Read(V1.Applicant? applicant)
    {
        if (applicant is null)
        {
            throw new InvalidFieldException("applicant", "is required");
        }
        string? Text(string value, string field) => common.OptionalText(value, $"applicant.{field}");
        var address = Text(applicant.Address, "address");
        switch (applicant.Kind)
        {
            case V1.ApplicantKind.Citizen:
                var birthDate = IdentityFields.BirthDate(applicant.BirthDate, "applicant.birth_date");
                var sex = IdentityFields.DeclaredSex(applicant.Sex, "applicant.sex");
                return new Applicant(
                    ApplicantKind.Citizen,
                    IdentityFields.CitizenNumber(applicant.IdNumber, "applicant.id_number", birthDate, sex),
                    common.Text(applicant.Name, "applicant.name"),
                    address)
                {
                    BirthDate = birthDate,
                    Sex = sex,
                    Nationality = Text(applicant.Nationality, "nationality"),
                    PermanentAddress = Text(applicant.PermanentAddress, "permanent_address"),
                };
            case V1.ApplicantKind.Business:
                return new Applicant(
                    ApplicantKind.Business,
                    IdentityFields.EnterpriseCode(applicant.IdNumber, "applicant.id_number"),
                    Text(applicant.Name, "name"),
                    address)
                {
                    LegalForm = Text(applicant.LegalForm, "legal_form"),
                    OperatingStatus = Text(applicant.OperatingStatus, "operating_status"),
                    LegalRepresentative = Text(applicant.LegalRepresentative, "legal_representative"),
                };
            case V1.ApplicantKind.StateAgency or V1.ApplicantKind.Organisation:
                return new Applicant(
                    (ApplicantKind)(int)applicant.Kind,
                    RequestFields.Matching(applicant.IdNumber, "applicant.id_number", RequestFields.OrganisationId(), "an agency code, tax code or decision number: 1–50 letters, digits or . / -"),
                    common.Text(applicant.Name, "applicant.name"),
                    address);
            default:
                throw new InvalidFieldException("applicant.kind", "must be CITIZEN, BUSINESS, STATE_AGENCY or ORGANISATION");
        }
    }
}

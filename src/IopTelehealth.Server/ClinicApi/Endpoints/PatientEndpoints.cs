using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this IEndpointRouteBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");
        patients.MapGet("/", async (IPatientsApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<PatientDto>("Patients");
        patients.MapGet("/{id:guid}", async (Guid id, IPatientsApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<PatientDto>("Patient");
        patients.MapPost("/", async (PatientInput input, IPatientsApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/patients/{created.Id}")).AsCreate<PatientDto>("Patient");
        patients.MapPut("/{id:guid}", async (Guid id, PatientInput input, IPatientsApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<PatientDto>("Patient");
        patients.MapDelete("/{id:guid}", async (Guid id, IPatientsApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("Patient");

        patients.MapPost("/{id:guid}/invite", async (Guid id, IPatientsApi service, CancellationToken cancellationToken) =>
                (await service.IssueInviteAsync(id, cancellationToken)).ToHttp())
            .WithName("IssuePatientInvite").WithSummary("Issues a link with which the patient sets a password (first sign-in or reset). Audited.")
            .Produces<InviteDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return patients;
    }
}

using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollmentEndpoints(this IEndpointRouteBuilder api)
    {
        var enrollments = api.MapGroup("/enrollments").WithTags("Enrollments");
        enrollments.MapGet("/", async (IEnrollmentsApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<EnrollmentDto>("Enrollments");
        enrollments.MapGet("/{id:guid}", async (Guid id, IEnrollmentsApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<EnrollmentDto>("Enrollment");
        enrollments.MapPost("/", async (EnrollmentInput input, IEnrollmentsApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/enrollments/{created.Id}")).AsCreate<EnrollmentDto>("Enrollment");
        enrollments.MapPut("/{id:guid}", async (Guid id, EnrollmentInput input, IEnrollmentsApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<EnrollmentDto>("Enrollment");
        enrollments.MapDelete("/{id:guid}", async (Guid id, IEnrollmentsApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("Enrollment");
        return enrollments;
    }
}

using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Staff");
        staff.MapGet("/", async (IStaffApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<StaffDto>("Staff");
        staff.MapGet("/{id:guid}", async (Guid id, IStaffApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<StaffDto>("StaffMember");
        staff.MapPost("/", async (StaffInput input, IStaffApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/staff/{created.Id}")).AsCreate<StaffDto>("StaffMember");
        staff.MapPut("/{id:guid}", async (Guid id, StaffInput input, IStaffApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<StaffDto>("StaffMember");
        staff.MapDelete("/{id:guid}", async (Guid id, IStaffApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("StaffMember");

        staff.MapPost("/{id:guid}/invite", async (Guid id, IStaffApi service, CancellationToken cancellationToken) =>
                (await service.IssueInviteAsync(id, cancellationToken)).ToHttp())
            .WithName("IssueStaffInvite").WithSummary("Issues a link with which the staff member sets a password (first sign-in or reset). Audited.")
            .Produces<InviteDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{id:guid}/mfa-reset", async (Guid id, IStaffApi service, CancellationToken cancellationToken) =>
                (await service.ResetMfaAsync(id, cancellationToken)).ToNoContent())
            .WithName("ResetStaffMfa").WithSummary("Turns off the member's authenticator; they enrol a new one at next sign-in. Audited.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return staff;
    }
}

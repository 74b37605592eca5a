using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", async (IGroupsApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<GroupDto>("Groups");
        groups.MapGet("/{id:guid}", async (Guid id, IGroupsApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<GroupDto>("Group");
        groups.MapPost("/", async (GroupInput input, IGroupsApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/groups/{created.Id}")).AsCreate<GroupDto>("Group");
        groups.MapPut("/{id:guid}", async (Guid id, GroupInput input, IGroupsApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<GroupDto>("Group");
        groups.MapDelete("/{id:guid}", async (Guid id, IGroupsApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("Group");

        groups.MapGet("/{id:guid}/sessions", async (Guid id, DateOnly? from, DateOnly? to, IGroupsApi service, CancellationToken cancellationToken) =>
            {
                if (from is null || to is null)
                {
                    return ApiProblems.Invalid(from is null ? "from" : "to", "Give both 'from' and 'to' as yyyy-MM-dd dates in the group's time zone.");
                }

                return (await service.ListSessionsAsync(id, from.Value, to.Value, cancellationToken)).ToHttp();
            })
            .WithName("ListGroupSessions").WithSummary("Lists the group's sessions whose local date lies between 'from' and 'to' (inclusive).")
            .Produces<IReadOnlyList<SessionDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return groups;
    }
}

using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class ScheduleEndpoints
{
    public static RouteGroupBuilder MapScheduleEndpoints(this IEndpointRouteBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapGet("/", async (ISchedulesApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<ScheduleDto>("Schedules");
        schedules.MapGet("/{id:guid}", async (Guid id, ISchedulesApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<ScheduleDto>("Schedule");
        schedules.MapPost("/", async (ScheduleInput input, ISchedulesApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/schedules/{created.Id}")).AsCreate<ScheduleDto>("Schedule");
        schedules.MapPut("/{id:guid}", async (Guid id, ScheduleInput input, ISchedulesApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<ScheduleDto>("Schedule");
        schedules.MapDelete("/{id:guid}", async (Guid id, ISchedulesApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("Schedule");
        return schedules;
    }
}

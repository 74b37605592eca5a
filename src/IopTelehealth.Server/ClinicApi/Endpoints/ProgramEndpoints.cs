using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

internal static class ProgramEndpoints
{
    public static RouteGroupBuilder MapProgramEndpoints(this IEndpointRouteBuilder api)
    {
        var programs = api.MapGroup("/programs").WithTags("Programs");
        programs.MapGet("/", async (IProgramsApi service, CancellationToken cancellationToken) =>
            (await service.ListAsync(cancellationToken)).ToHttp()).AsList<ProgramDto>("Programs");
        programs.MapGet("/{id:guid}", async (Guid id, IProgramsApi service, CancellationToken cancellationToken) =>
            (await service.GetAsync(id, cancellationToken)).ToHttp()).AsGet<ProgramDto>("Program");
        programs.MapPost("/", async (ProgramInput input, IProgramsApi service, CancellationToken cancellationToken) =>
            (await service.CreateAsync(input, cancellationToken)).ToCreated(created => $"/api/programs/{created.Id}")).AsCreate<ProgramDto>("Program");
        programs.MapPut("/{id:guid}", async (Guid id, ProgramInput input, IProgramsApi service, CancellationToken cancellationToken) =>
            (await service.UpdateAsync(id, input, cancellationToken)).ToHttp()).AsUpdate<ProgramDto>("Program");
        programs.MapDelete("/{id:guid}", async (Guid id, IProgramsApi service, CancellationToken cancellationToken) =>
            (await service.DeleteAsync(id, cancellationToken)).ToNoContent()).AsDelete("Program");
        return programs;
    }
}

using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Server.ClinicApi;
using IopTelehealth.Server.ClinicApi.Endpoints;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Attendance;

/// <summary>The attendance ledger's sink and outbox, the therapist workflow, reports and their HTTP API (docs/attendance.md).</summary>
internal static class AttendanceSetup
{
    public static IServiceCollection AddIopAttendance(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<AttendanceSettings>().Bind(configuration.GetSection(AttendanceSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AttendanceSettings>>().Value);
        services.AddSingleton(sp => new AttendanceOutbox(Path.Combine(dataDirectory, sp.GetRequiredService<AttendanceSettings>().OutboxDirectory)));
        services.AddSingleton<IRoomEventSink, AttendanceSink>();
        services.AddSingleton<StagedAttendanceWriter>();
        services.AddSingleton<OrphanedIntervalCloser>();
        services.AddSingleton(sp => new ServerLifeMark(Path.Combine(dataDirectory, "attendance-alive"), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<AttendanceRetryService>();
        services.AddHostedService<FollowUpCreationService>();
        services.AddScoped<AttendanceAccess>();
        services.AddScoped<SessionAttendanceLoader>();
        services.AddScoped<RosterService>();
        services.AddScoped<AttendanceReports>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<IAttendanceApi, AttendanceApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(ClinicApiRegistration.Policy).WithTags("Attendance");
        api.MapGet("/sessions/{id:guid}/attendance", async (Guid id, RosterService roster, CancellationToken ct) =>
            (await roster.GetAsync(id, ct)).ToHttp()).Produces<SessionRosterDto>();
        api.MapPut("/sessions/{id:guid}/attendance/{patientId:guid}/excuse", async (Guid id, Guid patientId, ExcuseInput input, RosterService roster,
            CancellationToken ct) => (await roster.SetExcuseAsync(id, patientId, input, ct)).ToHttp()).Produces<SessionRosterDto>();
        api.MapPost("/sessions/{id:guid}/attendance/sign-off", async (Guid id, RosterService roster, CancellationToken ct) =>
            (await roster.SignOffAsync(id, ct)).ToHttp()).Produces<SessionRosterDto>();
        api.MapGet("/patients/{id:guid}/attendance", async (Guid id, int? weeks, AttendanceReports reports, CancellationToken ct) =>
            (await reports.PatientWeeksAsync(id, weeks ?? 12, ct)).ToHttp()).Produces<PatientWeeksDto>();
        api.MapGet("/me/attendance", async (int? weeks, AttendanceReports reports, CancellationToken ct) =>
            (await reports.OwnWeeksAsync(weeks ?? 12, ct)).ToHttp()).Produces<PatientWeeksDto>();
        api.MapGet("/groups/{id:guid}/attendance", async (Guid id, DateOnly? from, DateOnly? to, AttendanceReports reports, CancellationToken ct) =>
            (await reports.GroupDashboardAsync(id, from, to, ct)).ToHttp()).Produces<GroupDashboardDto>();
        api.MapGet("/attendance/export.csv", async (DateOnly from, DateOnly to, AttendanceReports reports, CancellationToken ct) =>
        {
            var result = await reports.ExportAsync(from, to, ct);
            return result.IsOk ? Results.Text(result.Value!, "text/csv; charset=utf-8") : result.ToHttp();
        }).Produces<string>(contentType: "text/csv");
        api.MapGet("/follow-ups", async (bool? all, FollowUpService followUps, CancellationToken ct) =>
            (await followUps.ListAsync(all ?? false, ct)).ToHttp()).Produces<IReadOnlyList<FollowUpDto>>();
        api.MapPost("/follow-ups/{id:guid}/contacts", async (Guid id, ContactInput input, FollowUpService followUps, CancellationToken ct) =>
            (await followUps.AddContactAsync(id, input, ct)).ToHttp()).Produces<FollowUpDto>();
        api.MapPost("/follow-ups/{id:guid}/close", async (Guid id, CloseFollowUpInput input, FollowUpService followUps, CancellationToken ct) =>
            (await followUps.CloseAsync(id, input, ct)).ToHttp()).Produces<FollowUpDto>();
        return routes;
    }
}

using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Server.Hybrid;

internal static class HybridRegistration
{
    /// <summary>Check-in codes, the check-in service and the in-person attendance sink.</summary>
    public static IServiceCollection AddIopHybrid(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HybridSettings>().Bind(configuration.GetSection(HybridSettings.Section)).ValidateDataAnnotations()
            .Validate(s => s.CodeLifetime > s.CodeRotation, "Hybrid:CodeLifetime must be longer than Hybrid:CodeRotation.").ValidateOnStart();
        services.AddSingleton<CheckInCodeProtector>();
        services.AddScoped<ICheckInApi, CheckInService>();

        // In-person intervals go to the attendance ledger straight from the room's check-in events.
        services.AddSingleton<IRoomEventSink, InClinicAttendanceSink>();

        return services;
    }

    public static IEndpointRouteBuilder MapHybridEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapCheckInEndpoints();
        api.MapRoomDeviceEndpoints();
        api.MapRoomDeviceSession();
        return api;
    }
}

using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.Home;

internal static class HomeRegistration
{
    /// <summary>The home pages' data; scoped because it reads the caller of the current request.</summary>
    public static IServiceCollection AddIopHome(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IHomeApi, HomeService>();
        return services;
    }
}

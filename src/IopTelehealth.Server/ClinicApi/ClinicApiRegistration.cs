using System.Text.Json.Serialization;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Identity.Server;
using IopTelehealth.Server.ClinicApi.Endpoints;
using IopTelehealth.Server.Hybrid;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace IopTelehealth.Server.ClinicApi;

internal static class ClinicApiRegistration
{
    /// <summary>Bearer access tokens of our own issuer with the API scope; roles and clinic are checked by the services.</summary>
    public const string Policy = "clinic-api";

    public static IServiceCollection AddIopClinicApi(this IServiceCollection services)
    {
        services.AddScoped<ClinicScope>();
        services.AddScoped<ClinicAccounts>();
        services.AddScoped<IProgramsApi, ProgramsService>();
        services.AddScoped<IGroupsApi, GroupsService>();
        services.AddScoped<ISchedulesApi, SchedulesService>();
        services.AddScoped<IEnrollmentsApi, EnrollmentsService>();
        services.AddScoped<IPatientsApi, PatientsService>();
        services.AddScoped<IStaffApi, StaffService>();

        // The app's default scheme is the web cookie; the API accepts only bearer tokens, so no cross-site request can ride a session.
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(IopScopes.Api)));

        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddExceptionHandler<UnreadableRequestHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Days of the week read better as "Monday" than as 1; numbers are still accepted.
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static IEndpointRouteBuilder MapClinicApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(Policy);
        api.MapProgramEndpoints();
        api.MapGroupEndpoints();
        api.MapScheduleEndpoints();
        api.MapEnrollmentEndpoints();
        api.MapPatientEndpoints();
        api.MapStaffEndpoints();
        api.MapHybridEndpoints();
        return routes;
    }
}

using System.Reflection;
using IopTelehealth.Web.Pages.Admin;
using IopTelehealth.Web.Pages.Admin.Enrollments;
using IopTelehealth.Web.Pages.Admin.Groups;
using IopTelehealth.Web.Pages.Admin.Patients;
using IopTelehealth.Web.Pages.Admin.Programs;
using IopTelehealth.Web.Pages.Admin.Schedules;
using IopTelehealth.Web.Pages.Admin.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace IopTelehealth.Web.Tests.Pages.Admin;

/// <summary>
/// The role matrix as the endpoints enforce it: static rendering applies a page's [Authorize] before it renders.
/// Programs, groups and staff are written by admins only; schedules, enrollments and patients by admins and staff.
/// </summary>
public sealed class PageAuthorizationTests
{
    public static TheoryData<Type, string> Matrix => new()
    {
        { typeof(AdminIndex), "admin,staff" },
        { typeof(ProgramList), "admin,staff" },
        { typeof(ProgramEdit), "admin" },
        { typeof(GroupList), "admin,staff" },
        { typeof(GroupEdit), "admin" },
        { typeof(ScheduleList), "admin,staff" },
        { typeof(ScheduleEdit), "admin,staff" },
        { typeof(EnrollmentList), "admin,staff" },
        { typeof(EnrollmentEdit), "admin,staff" },
        { typeof(PatientList), "admin,staff" },
        { typeof(PatientEdit), "admin,staff" },
        { typeof(StaffList), "admin,staff" },
        { typeof(StaffEdit), "admin" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_admin_page_requires_its_roles(Type page, string roles)
    {
        var authorize = page.GetCustomAttribute<AuthorizeAttribute>();

        Assert.NotNull(authorize);
        Assert.Equal(roles, authorize.Roles);
    }

    [Fact]
    public void Every_routed_page_under_admin_is_in_the_matrix()
    {
        var routed = typeof(AdminIndex).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template.StartsWith("/admin", StringComparison.Ordinal)))
            .ToHashSet();

        Assert.Equal(routed.OrderBy(t => t.Name), Matrix.Select(row => row.Data.Item1).OrderBy(t => t.Name));
    }
}

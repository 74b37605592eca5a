using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IopTelehealth.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TelehealthConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentText",
                table: "Clinics",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: IopTelehealth.Domain.Clinics.TelehealthConsentDefaults.Text);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersion",
                table: "Clinics",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: IopTelehealth.Domain.Clinics.TelehealthConsentDefaults.Version);

            migrationBuilder.CreateTable(
                name: "TelehealthConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelehealthConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelehealthConsents_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TelehealthConsents_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TelehealthConsents_ClinicId",
                table: "TelehealthConsents",
                column: "ClinicId");

            migrationBuilder.CreateIndex(
                name: "IX_TelehealthConsents_PatientId_Version",
                table: "TelehealthConsents",
                columns: new[] { "PatientId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TelehealthConsents");

            migrationBuilder.DropColumn(
                name: "ConsentText",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "ConsentVersion",
                table: "Clinics");
        }
    }
}

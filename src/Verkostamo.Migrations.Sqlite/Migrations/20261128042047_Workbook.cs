using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkostamo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeadershipPlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NowGoal = table.Column<int>(type: "INTEGER", nullable: false),
                    NowShared = table.Column<int>(type: "INTEGER", nullable: false),
                    WantedGoal = table.Column<int>(type: "INTEGER", nullable: false),
                    WantedShared = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadershipPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadershipPlacements_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeadershipPlacements_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsibilitiesVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workbooks",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workbooks", x => x.NetworkId);
                    table.ForeignKey(
                        name: "FK_Workbooks_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkbookSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCustom = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TextsVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: true),
                    FieldsVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsibilitiesVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkbookSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkbookSections_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerMembershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Memberships_OwnerMembershipId",
                        column: x => x.OwnerMembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Actions_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Actions_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Actions_WorkbookSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "WorkbookSections",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "KeySolutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeySolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeySolutions_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeySolutions_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_KeySolutions_WorkbookSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "WorkbookSections",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_NetworkId_Scope_At",
                table: "AuditEntries",
                columns: new[] { "NetworkId", "Scope", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_NetworkId_DueDate",
                table: "Actions",
                columns: new[] { "NetworkId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_NetworkId_SectionId",
                table: "Actions",
                columns: new[] { "NetworkId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_NetworkId_ThemeId",
                table: "Actions",
                columns: new[] { "NetworkId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerMembershipId",
                table: "Actions",
                column: "OwnerMembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SectionId",
                table: "Actions",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ThemeId",
                table: "Actions",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_KeySolutions_NetworkId_SectionId",
                table: "KeySolutions",
                columns: new[] { "NetworkId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_KeySolutions_NetworkId_ThemeId",
                table: "KeySolutions",
                columns: new[] { "NetworkId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_KeySolutions_SectionId",
                table: "KeySolutions",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_KeySolutions_ThemeId",
                table: "KeySolutions",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadershipPlacements_NetworkId_UserId",
                table: "LeadershipPlacements",
                columns: new[] { "NetworkId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadershipPlacements_UserId",
                table: "LeadershipPlacements",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_NetworkId",
                table: "Themes",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkbookSections_NetworkId_Key",
                table: "WorkbookSections",
                columns: new[] { "NetworkId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "KeySolutions");

            migrationBuilder.DropTable(
                name: "LeadershipPlacements");

            migrationBuilder.DropTable(
                name: "Workbooks");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "WorkbookSections");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_NetworkId_Scope_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "AuditEntries");
        }
    }
}

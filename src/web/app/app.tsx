import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes } from "react-router";
import { useSession } from "../api/queries.js";
import { EnrolmentPage } from "../modules/auth/enrolment.page.js";
import { SignInPage } from "../modules/auth/sign-in.page.js";
import { Layout } from "./layout.js";
import { MandateProvider } from "./mandate-context.js";

const HomePage = lazy(() => import("../modules/home/home.page.js"));
const RecordListPage = lazy(() => import("../modules/records/record-list.page.js"));
const RecordPage = lazy(() => import("../modules/records/record.page.js"));
const NewRecordPage = lazy(() => import("../modules/records/new-record.page.js"));
const UsersPage = lazy(() => import("../modules/admin/users.page.js"));
const VocabulariesPage = lazy(() => import("../modules/admin/vocabularies.page.js"));
const TestimonyPage = lazy(() => import("../modules/testimony/testimony.page.js"));
const SearchPage = lazy(() => import("../modules/search/search.page.js"));
const MapPage = lazy(() => import("../modules/map-page/map.page.js"));
const DashboardPage = lazy(() => import("../modules/dashboard/dashboard.page.js"));
const VisitStatusPage = lazy(() => import("../modules/visits/visit-status.page.js"));
const NotificationsPage = lazy(() => import("../modules/notifications/notifications.page.js"));
const OutboxPage = lazy(() => import("../modules/notifications/outbox.page.js"));
const ImportsPage = lazy(() => import("../modules/imports/imports.page.js"));
const ImportWizardPage = lazy(() => import("../modules/imports/import-wizard.page.js"));
const ImportRunPage = lazy(() => import("../modules/imports/import-run.page.js"));
const PressReleasesPage = lazy(() => import("../modules/press-releases/press-releases.page.js"));
const NewPressReleasePage = lazy(() => import("../modules/press-releases/new-press-release.page.js"));
const PressReleasePage = lazy(() => import("../modules/press-releases/press-release.page.js"));
const MandatePage = lazy(() => import("../modules/admin/mandate.page.js"));
const SubscribersPage = lazy(() => import("../modules/mailing/subscribers.page.js"));
const SessionsPage = lazy(() => import("../modules/account/sessions.page.js"));
const SecurityPage = lazy(() => import("../modules/account/security.page.js"));

/** Routes of the staff application; everything but sign-in needs a session. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (!session.data) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  }
  // A role that requires a second factor opens nothing else until one is set up (the API holds it the same way).
  if (session.data.enrolmentRequired) return <EnrolmentPage />;
  return (
    <MandateProvider>
      <Layout session={session.data}>
        <Suspense fallback={<p className="loading">{t("app.loading")}</p>}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/sign-in" element={<Navigate to="/" replace />} />
            <Route path="/admin/users" element={<UsersPage />} />
            <Route path="/admin/vocabularies" element={<VocabulariesPage />} />
            <Route path="/admin/outbox" element={<OutboxPage />} />
            <Route path="/admin/mandate" element={<MandatePage />} />
            <Route path="/subscribers" element={<SubscribersPage />} />
            <Route path="/account/sessions" element={<SessionsPage />} />
            <Route path="/account/security" element={<SecurityPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/testimony/new" element={<TestimonyPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/map" element={<MapPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/visits/status" element={<VisitStatusPage />} />
            <Route path="/imports" element={<ImportsPage />} />
            <Route path="/imports/new" element={<ImportWizardPage />} />
            <Route path="/imports/:id" element={<ImportRunPage />} />
            <Route path="/press-releases" element={<PressReleasesPage />} />
            <Route path="/press-releases/new" element={<NewPressReleasePage />} />
            <Route path="/press-releases/:id" element={<PressReleasePage />} />
            <Route path="/:plural" element={<RecordListPage />} />
            <Route path="/:plural/new" element={<NewRecordPage />} />
            <Route path="/:plural/:id" element={<RecordPage />} />
          </Routes>
        </Suspense>
      </Layout>
    </MandateProvider>
  );
}

import { type ComponentType, lazy, type ReactNode, Suspense, useState } from "react";
import { Navigate } from "react-router-dom";
import { AnimationRoutes, Route } from "zmp-ui";
import { RouteBoundary } from "./components/route-boundary";
import { Loading } from "./components/status";
import HomePage from "./pages/home";
import NotFoundPage from "./pages/not-found";

type PageModule = { default: ComponentType };

/** Every screen: the page's one `<main>` landmark, inside an error boundary so that it never goes blank. */
function Screen({ onRetry, children }: { onRetry: () => void; children: ReactNode }) {
  return (
    <main className="screen">
      <RouteBoundary onRetry={onRetry}>{children}</RouteBoundary>
    </main>
  );
}

/**
 * A page in its own chunk. React.lazy keeps a failed load failed, so a retry starts a new one; and
 * as the browser also remembers a module that failed to load, a load that fails again while the
 * device is online reloads the document, which fetches the page's code afresh.
 */
function lazyPage(load: () => Promise<PageModule>) {
  let Component = lazy(load);
  const reload = () =>
    load().catch((e: unknown) => {
      if (navigator.onLine) window.location.reload();
      throw e;
    });
  return function LazyPage() {
    const [, setAttempt] = useState(0);
    const retry = () => {
      Component = lazy(reload);
      setAttempt((n) => n + 1);
    };
    return (
      <Screen onRetry={retry}>
        <Suspense fallback={<Loading />}>
          <Component />
        </Suspense>
      </Screen>
    );
  };
}

/** A page in the first bundle: a retry renders it again. */
function eagerPage(Component: ComponentType) {
  return function EagerPage() {
    const [attempt, setAttempt] = useState(0);
    return (
      <Screen onRetry={() => setAttempt((n) => n + 1)}>
        <Component key={attempt} />
      </Screen>
    );
  };
}

// Only the home screen ships in the first bundle; every other page is its own chunk.
const Home = eagerPage(HomePage);
const NotFound = eagerPage(NotFoundPage);
const Search = lazyPage(() => import("./pages/search"));
const Procedure = lazyPage(() => import("./pages/procedure"));
const LifeEvent = lazyPage(() => import("./pages/life-event"));
const AdminSearch = lazyPage(() => import("./pages/admin/search"));
const Field = lazyPage(() => import("./pages/field"));
const Unit = lazyPage(() => import("./pages/unit"));
const Units = lazyPage(() => import("./pages/units"));
const Submit = lazyPage(() => import("./pages/submit"));
const Receipt = lazyPage(() => import("./pages/receipt"));
const Track = lazyPage(() => import("./pages/track"));
const Dossiers = lazyPage(() => import("./pages/dossiers"));
const Dossier = lazyPage(() => import("./pages/dossier"));
const Notifications = lazyPage(() => import("./pages/notifications"));
const Staff = lazyPage(() => import("./pages/staff"));
const Intake = lazyPage(() => import("./pages/staff/intake"));
const Print = lazyPage(() => import("./pages/staff/print"));
const RatingCases = lazyPage(() => import("./pages/staff/rating-cases"));
const AdminProcedures = lazyPage(() => import("./pages/admin/procedures"));
const AdminProcedure = lazyPage(() => import("./pages/admin/procedure"));
const Calendar = lazyPage(() => import("./pages/admin/calendar"));
const AdminUnits = lazyPage(() => import("./pages/admin/units"));
const People = lazyPage(() => import("./pages/admin/people"));
const Invite = lazyPage(() => import("./pages/admin/invite"));
const Person = lazyPage(() => import("./pages/admin/person"));
const Changes = lazyPage(() => import("./pages/admin/changes"));
const AdminVneid = lazyPage(() => import("./pages/admin/vneid"));
const Dashboard = lazyPage(() => import("./pages/admin/dashboard"));
const DashboardUnit = lazyPage(() => import("./pages/admin/dashboard-unit"));
const Targets = lazyPage(() => import("./pages/admin/targets"));
const Reports = lazyPage(() => import("./pages/admin/reports"));
const Report = lazyPage(() => import("./pages/admin/report"));
const PublicFigures = lazyPage(() => import("./pages/figures"));
const Invitation = lazyPage(() => import("./pages/invitation"));
const Assisted = lazyPage(() => import("./pages/assisted"));
const AssistedConsent = lazyPage(() => import("./pages/assisted/consent"));
const SignIn = lazyPage(() => import("./pages/sign-in"));
const Lookup = lazyPage(() => import("./pages/lookup"));
const FeedbackList = lazyPage(() => import("./pages/feedback"));
const NewFeedback = lazyPage(() => import("./pages/feedback/new"));
const FeedbackDetail = lazyPage(() => import("./pages/feedback/detail"));
const StaffFeedback = lazyPage(() => import("./pages/staff/feedback"));

export function AppRoutes() {
  return (
    <AnimationRoutes>
      <Route path="/" element={<Home />} />
      <Route path="/search" element={<Search />} />
      <Route path="/p/:code" element={<Procedure />} />
      <Route path="/su-kien/:slug" element={<LifeEvent />} />
      <Route path="/f/:id" element={<Field />} />
      <Route path="/u/:id" element={<Unit />} />
      <Route path="/u/:id/so-lieu" element={<PublicFigures />} />
      <Route path="/units" element={<Units />} />
      <Route path="/so-lieu" element={<PublicFigures />} />
      <Route path="/p/:code/nop" element={<Submit />} />
      <Route path="/h/:code" element={<Receipt />} />
      <Route path="/t/:code" element={<Track />} />
      <Route path="/ho-so" element={<Dossiers />} />
      <Route path="/ho-so/:code" element={<Dossier />} />
      <Route path="/thong-bao" element={<Notifications />} />
      <Route path="/ho-tro" element={<Assisted />} />
      <Route path="/uy-quyen/:token" element={<AssistedConsent />} />
      <Route path="/can-bo" element={<Staff />} />
      <Route path="/can-bo/ho-so/:code" element={<Staff />} />
      <Route path="/can-bo/tiep-nhan" element={<Intake />} />
      <Route path="/can-bo/ho-so/:code/in/:form" element={<Print />} />
      <Route path="/can-bo/danh-gia" element={<RatingCases />} />
      {/* Admin pages (pages/admin/layout.tsx lists their sections); /quan-tri opens the first. */}
      <Route path="/quan-tri" element={<Navigate to="/quan-tri/bang-dieu-khien" replace />} />
      <Route path="/quan-tri/bang-dieu-khien" element={<Dashboard />} />
      <Route path="/quan-tri/bang-dieu-khien/:unitId" element={<DashboardUnit />} />
      <Route path="/quan-tri/chi-tieu" element={<Targets />} />
      <Route path="/quan-tri/bao-cao" element={<Reports />} />
      <Route path="/quan-tri/bao-cao/:month" element={<Report />} />
      <Route path="/quan-tri/thu-tuc" element={<AdminProcedures />} />
      <Route path="/quan-tri/thu-tuc/:code" element={<AdminProcedure />} />
      <Route path="/quan-tri/lich" element={<Calendar />} />
      <Route path="/quan-tri/don-vi" element={<AdminUnits />} />
      <Route path="/quan-tri/can-bo" element={<People />} />
      <Route path="/quan-tri/can-bo/moi" element={<Invite />} />
      <Route path="/quan-tri/can-bo/:id" element={<Person />} />
      <Route path="/quan-tri/nhat-ky" element={<Changes />} />
      <Route path="/quan-tri/vneid" element={<AdminVneid />} />
      <Route path="/quan-tri/tim-kiem" element={<AdminSearch />} />
      <Route path="/moi/:token" element={<Invitation />} />
      <Route path="/dang-nhap" element={<SignIn />} />
      <Route path="/tra-cuu" element={<Lookup />} />
      <Route path="/phan-anh" element={<FeedbackList />} />
      <Route path="/phan-anh/moi" element={<NewFeedback />} />
      <Route path="/phan-anh/:id" element={<FeedbackDetail />} />
      <Route path="/can-bo/phan-anh" element={<StaffFeedback />} />
      <Route path="/can-bo/phan-anh/:id" element={<StaffFeedback />} />
      <Route path="*" element={<NotFound />} />
    </AnimationRoutes>
  );
}

import { type ComponentType, lazy, Suspense } from "react";
import { AnimationRoutes, Route } from "zmp-ui";
import { Loading } from "./components/status";
import HomePage from "./pages/home";

// Only the home screen ships in the first bundle; every other page is its own chunk.
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Component = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
};

export function AppRoutes() {
  return (
    <AnimationRoutes>
      <Route path="/" element={<HomePage />} />
      <Route path="/search" element={page(() => import("./pages/search"))} />
      <Route path="/p/:code" element={page(() => import("./pages/procedure"))} />
      <Route path="/f/:id" element={page(() => import("./pages/field"))} />
      <Route path="/u/:id" element={page(() => import("./pages/unit"))} />
      <Route path="/units" element={page(() => import("./pages/units"))} />
      <Route path="/p/:code/nop" element={page(() => import("./pages/submit"))} />
      <Route path="/h/:code" element={page(() => import("./pages/receipt"))} />
      <Route path="/t/:code" element={page(() => import("./pages/track"))} />
      <Route path="/ho-so" element={page(() => import("./pages/dossiers"))} />
      <Route path="/ho-so/:code" element={page(() => import("./pages/dossier"))} />
      <Route path="/thong-bao" element={page(() => import("./pages/notifications"))} />
      <Route path="/can-bo" element={page(() => import("./pages/staff"))} />
      <Route path="/can-bo/ho-so/:code" element={page(() => import("./pages/staff"))} />
      <Route path="/can-bo/tiep-nhan" element={page(() => import("./pages/staff/intake"))} />
      <Route path="/can-bo/ho-so/:code/in/:form" element={page(() => import("./pages/staff/print"))} />
      <Route path="/quan-tri/lich" element={page(() => import("./pages/admin/calendar"))} />
      <Route path="*" element={<HomePage />} />
    </AnimationRoutes>
  );
}

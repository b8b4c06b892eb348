import { areaLayout } from "@/components/portal/area-layout";

export default areaLayout("session:manage-own");

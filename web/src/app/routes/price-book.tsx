import { PriceBookPage } from "@/features/price-book/components/price-book-page";

export function PriceBookRoute() {
  return <PriceBookPage />;
}

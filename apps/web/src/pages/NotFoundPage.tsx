import { NotFoundView } from '../components/ErrorView';

export default function NotFoundPage() {
  return <NotFoundView />;
}

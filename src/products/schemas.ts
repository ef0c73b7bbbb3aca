// Product field rules and the shapes E documents.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_ID } from '../infra/http/params.js';

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;

/** Not blank: at least one non-space character (a blank name is "required", like a missing one). */
const NOT_BLANK = '\\S';

export const ProductName = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NOT_BLANK });
export const ProductDescription = Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, pattern: NOT_BLANK });

export const ProductBody = Type.Object({ name: ProductName, description: ProductDescription }, { title: 'ProductInput' });

export const ProductId = Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'Product id (a positive integer)' });
export const ProductParams = Type.Object({ id: ProductId });

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;

// Optional for clients (the defaults apply); the validator fills them in before the handler runs.
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, default: 1, description: 'Page number, from 1' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Products per page, 1 to 100' }),
  ),
});

export const Product = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    description: Type.String(),
    userId: Type.Integer(),
    image: Type.String({ description: 'https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _>' }),
  },
  { title: 'Product' },
);
export type Product = Static<typeof Product>;

export const ProductPage = Type.Object({
  products: Type.Array(Product),
  pagination: Type.Object({
    currentPage: Type.Integer(),
    totalPages: Type.Integer(),
    totalProducts: Type.Integer(),
    limit: Type.Integer(),
    hasNext: Type.Boolean(),
    hasPrev: Type.Boolean(),
  }, { title: 'Pagination' }),
}, { title: 'ProductPage' });
export type ProductPage = Static<typeof ProductPage>;

export const messages = {
  required: 'Name and description are required',
  nameTooLong: `Name must be at most ${NAME_MAX} characters`,
  descriptionTooLong: `Description must be at most ${DESCRIPTION_MAX} characters`,
  invalidId: 'Invalid product ID',
  invalidPage: 'Invalid pagination parameters',
  notFound: 'Product not found',
  notOwnerUpdate: 'Access denied. You can only update your own products.',
  notOwnerDelete: 'Access denied. You can only delete your own products.',
  changed: 'Product has changed since you read it (If-Match does not match its ETag)',
  deleted: 'Product deleted successfully',
};
